import { isValidIdempotencyKey, uploadFingerprint } from './upload-fingerprint';

describe('upload fingerprints', () => {
  const base = {
    sha256: 'a'.repeat(64),
    originalName: 'talk.mp4',
    fields: { maxClips: '3', layout: 'fit' },
  };

  it('is the same for the same file, name and fields in any order', () => {
    expect(uploadFingerprint(base)).toBe(
      uploadFingerprint({ ...base, fields: { layout: 'fit', maxClips: '3' } }),
    );
  });

  it('differs when the bytes, the name or any field differ', () => {
    const fp = uploadFingerprint(base);
    expect(uploadFingerprint({ ...base, sha256: 'b'.repeat(64) })).not.toBe(fp);
    expect(uploadFingerprint({ ...base, originalName: 'other.mp4' })).not.toBe(fp);
    expect(uploadFingerprint({ ...base, fields: { maxClips: '4', layout: 'fit' } })).not.toBe(fp);
    expect(uploadFingerprint({ ...base, fields: { maxClips: '3' } })).not.toBe(fp);
  });

  it('accepts visible ASCII keys up to 255 characters', () => {
    expect(isValidIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('has space')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey('ключ')).toBe(false);
  });
});
