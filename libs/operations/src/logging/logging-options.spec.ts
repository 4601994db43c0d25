import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestId, withoutSignature } from './logging-options';

describe('logging helpers', () => {
  const res = () => {
    const headers: Record<string, string> = {};
    return {
      headers,
      setHeader: (k: string, v: string) => (headers[k] = v),
    } as unknown as ServerResponse & { headers: Record<string, string> };
  };

  it("keeps a sane caller's request id and echoes it, else makes one", () => {
    const r1 = res();
    const req = (id?: string) => ({ headers: id ? { 'x-request-id': id } : {} }) as IncomingMessage;
    expect(requestId(req('trace-123:abc'), r1)).toBe('trace-123:abc');
    expect((r1 as unknown as { headers: Record<string, string> }).headers['X-Request-Id']).toBe(
      'trace-123:abc',
    );
    expect(requestId(req('bad id\nwith newline'), res())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(req(), res())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hides the signature of signed links', () => {
    expect(withoutSignature('/api/download/clips/x/c.mp4?expires=1&signature=abcdef')).toBe(
      '/api/download/clips/x/c.mp4?expires=1&signature=[Redacted]',
    );
    expect(withoutSignature('/api/status/x')).toBe('/api/status/x');
  });
});
