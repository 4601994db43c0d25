import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('makes distinct well-formed keys whose prefix is their start and whose hash is stable', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(a.key.startsWith(a.prefix)).toBe(true);
    expect(a.prefix).toHaveLength(12);
    expect(a.secretHash).toBe(hashApiKey(a.key));
    expect(a.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.secretHash).not.toContain(a.key.slice(12));
  });

  it('tells keys from other strings', () => {
    expect(looksLikeApiKey('')).toBe(false);
    expect(looksLikeApiKey('Bearer x')).toBe(false);
    expect(looksLikeApiKey(generateApiKey().key + 'x')).toBe(false);
  });
});
