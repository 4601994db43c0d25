import { checkSignedPath, signPath } from './signed-link';

const SECRET = 'x'.repeat(32);
const PATH = '/api/download/clips/5b0c0c9e-0b0e-4c43-9d5e-0a5f3a3c1a11/clip-01.mp4';

const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://h').searchParams);

describe('signed links', () => {
  const url = signPath(PATH, 2_000, SECRET);

  it('accepts its own link until it expires', () => {
    expect(url.startsWith(`${PATH}?expires=2000&signature=`)).toBe(true);
    expect(checkSignedPath(PATH, queryOf(url), SECRET, 1_999)).toBe('valid');
    expect(checkSignedPath(PATH, queryOf(url), SECRET, 2_001)).toBe('expired');
  });

  it('refuses another path, a changed expiry, another secret, or no signature', () => {
    const q = queryOf(url);
    expect(checkSignedPath(PATH.replace('01', '02'), q, SECRET, 0)).toBe('invalid');
    expect(checkSignedPath(PATH, { ...q, expires: '9999999' }, SECRET, 0)).toBe('invalid');
    expect(checkSignedPath(PATH, q, 'y'.repeat(32), 0)).toBe('invalid');
    expect(checkSignedPath(PATH, { expires: q.expires }, SECRET, 0)).toBe('invalid');
    expect(checkSignedPath(PATH, { ...q, expires: '1e9' }, SECRET, 0)).toBe('invalid');
    expect(checkSignedPath(PATH, { ...q, signature: q.signature.slice(1) }, SECRET, 0)).toBe(
      'invalid',
    );
  });
});
