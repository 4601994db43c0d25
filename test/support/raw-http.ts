import * as net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json: () => Record<string, unknown>;
}

export interface RawRequestOptions {
  /** Bytes sent after the head, in order; a number pauses that many ms (a slow client). */
  parts?: (Buffer | string | number)[];
  /** Close our side after sending (default) or keep it open waiting for an answer. */
  halfClose?: boolean;
  /** Destroy the socket after sending everything (a client that vanishes). */
  abort?: boolean;
  timeoutMs?: number;
}

/**
 * Sends exactly the bytes given — malformed HTTP and multipart included — and reads back whatever
 * the server answers before closing. Resolves with status 0 when no answer came.
 */
export function rawRequest(
  port: number,
  head: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), options.timeoutMs ?? 10_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined); // EPIPE/ECONNRESET: the server hung up, read what came
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(chunks).toString('latin1')));
      } catch (err) {
        reject(err as Error);
      }
    });
    socket.on('connect', async () => {
      socket.write(head);
      for (const part of options.parts ?? []) {
        if (socket.destroyed) break;
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
      if (options.abort) socket.destroy();
      else if (options.halfClose ?? false) socket.end();
    });
  });
}

function parseResponse(text: string): RawResponse {
  if (!text) return { status: 0, headers: {}, body: '', json: () => ({}) };
  const [headText, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = headText.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  let body = rest.join('\r\n\r\n');
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body,
    json: () => JSON.parse(body) as Record<string, unknown>,
  };
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const nl = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, nl), 16);
    if (!size) return out;
    out += rest.slice(nl + 2, nl + 2 + size);
    rest = rest.slice(nl + 4 + size);
  }
}

/** The head of a multipart POST to the upload route. */
export function multipartHead(boundary: string, extra: Record<string, string> = {}): string {
  const lines = [
    'POST /api/upload-video HTTP/1.1',
    'Host: 127.0.0.1',
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
