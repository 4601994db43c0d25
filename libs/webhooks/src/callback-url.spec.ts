import { checkCallbackUrl, guardedLookup } from './callback-url';

describe('checkCallbackUrl', () => {
  it('takes public http(s) URLs', () => {
    expect(checkCallbackUrl('https://hooks.example.com/clipgen?x=1', false).host).toBe(
      'hooks.example.com',
    );
    expect(checkCallbackUrl('http://93.184.216.34:8080/cb', false).port).toBe('8080');
  });

  it.each([
    ['ftp://example.com/x', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['not a url', /absolute URL/],
    ['https://user:pw@example.com/', /credentials/],
    ['http://127.0.0.1:9000/', /private or loopback/],
    ['http://localhost/', /private or loopback/],
    ['http://169.254.169.254/latest/meta-data', /private or loopback/],
    ['http://[::1]/', /private or loopback/],
    ['http://10.0.0.5/', /private or loopback/],
    [`https://example.com/${'a'.repeat(2100)}`, /longer than 2048/],
  ])('refuses %s', (url, why) => {
    expect(() => checkCallbackUrl(url, false)).toThrow(why);
  });

  it('takes private addresses when the operator allows them', () => {
    expect(checkCallbackUrl('http://127.0.0.1:9000/', true).hostname).toBe('127.0.0.1');
  });
});

describe('guardedLookup', () => {
  const resolve = (allowPrivate: boolean, host: string) =>
    new Promise<string>((ok, fail) =>
      guardedLookup(allowPrivate)(host, {}, (err, address) =>
        err ? fail(err) : ok(address as string),
      ),
    );

  it('refuses a name that resolves to a private address, at connection time', async () => {
    await expect(resolve(false, 'localhost')).rejects.toThrow(/resolves to a private address/);
    await expect(resolve(true, 'localhost')).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
