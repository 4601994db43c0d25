/**
 * Vectors as bytes: uint32 count, uint32 dims, then float32 values (little-endian). Written by the
 * encoder helpers and kept in storage as the per-transcript cache.
 */
export function encodeVectors(vectors: Float32Array[]): Buffer {
  const dims = vectors[0]?.length ?? 0;
  const out = Buffer.alloc(8 + vectors.length * dims * 4);
  out.writeUInt32LE(vectors.length, 0);
  out.writeUInt32LE(dims, 4);
  vectors.forEach((v, i) => {
    for (let k = 0; k < dims; k++) out.writeFloatLE(v[k], 8 + (i * dims + k) * 4);
  });
  return out;
}

export function decodeVectors(bytes: Buffer): Float32Array[] {
  if (bytes.length < 8) throw new Error('vector file too short');
  const count = bytes.readUInt32LE(0);
  const dims = bytes.readUInt32LE(4);
  if (bytes.length !== 8 + count * dims * 4) throw new Error('vector file has the wrong size');
  const out: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const v = new Float32Array(dims);
    for (let k = 0; k < dims; k++) v[k] = bytes.readFloatLE(8 + (i * dims + k) * 4);
    out.push(v);
  }
  return out;
}
