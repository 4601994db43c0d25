import { signPayload, verifySignature } from './signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'job.completed', jobId: 'x' });

  it('verifies what it signed, at the time it signed', () => {
    const header = signPayload('s3cret', body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', body, header, 300, 1_700_000_100)).toBe(true);
  });

  it('refuses another body, another secret, a replay after the tolerance and garbage', () => {
    const header = signPayload('s3cret', body, 1_700_000_000);
    expect(verifySignature('s3cret', `${body} `, header, 300, 1_700_000_000)).toBe(false);
    expect(verifySignature('other', body, header, 300, 1_700_000_000)).toBe(false);
    expect(verifySignature('s3cret', body, header, 300, 1_700_000_301)).toBe(false);
    expect(verifySignature('s3cret', body, 'v1=abc', 300, 1_700_000_000)).toBe(false);
    expect(verifySignature('s3cret', body, 't=1700000000,v1=zz', 300, 1_700_000_000)).toBe(false);
  });
});
