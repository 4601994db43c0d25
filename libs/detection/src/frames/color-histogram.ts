/** Normalised histogram of RGB pixels, `bins` per channel, from every `stride`-th pixel. */
export function colorHistogram(pixels: Uint8Array, bins = 16, stride = 4): number[] {
  const hist = new Array<number>(bins * 3).fill(0);
  const shift = 256 / bins;
  let n = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3 * stride) {
    hist[Math.floor(pixels[i] / shift)]++;
    hist[bins + Math.floor(pixels[i + 1] / shift)]++;
    hist[2 * bins + Math.floor(pixels[i + 2] / shift)]++;
    n++;
  }
  return hist.map((v) => Math.round((v / (3 * Math.max(1, n))) * 1e5) / 1e5);
}
