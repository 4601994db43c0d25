import * as http from 'node:http';
import * as https from 'node:https';
import { guardedLookup } from './callback-url';

export interface DeliveryOutcome {
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
}

/** Enough of a receiver's answer to log; the rest is discarded unread. */
const MAX_ANSWER_BYTES = 4096;

/**
 * POSTs one delivery. The connection's own DNS lookup refuses private addresses (unless allowed);
 * redirects are not followed (a 3xx is a failure: it could point anywhere); any 2xx is success.
 */
export function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivate: boolean; signal?: AbortSignal },
): Promise<DeliveryOutcome> {
  const started = Date.now();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const done = (statusCode: number | null, error: string | null) =>
      resolve({
        statusCode,
        ok: error === null && statusCode !== null && statusCode >= 200 && statusCode < 300,
        error,
        durationMs: Date.now() - started,
      });
    const req = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          ...headers,
        },
        lookup: guardedLookup(opts.allowPrivate),
        // One connection per delivery, closed after it: nothing lingers between retries.
        agent: false,
        timeout: opts.timeoutMs,
        signal: opts.signal,
      },
      (res) => {
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_ANSWER_BYTES) res.destroy();
        });
        const status = res.statusCode ?? null;
        const finish = () =>
          done(status, status && status >= 200 && status < 300 ? null : `answered ${status}`);
        res.on('end', finish);
        res.on('close', finish);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${opts.timeoutMs} ms`)));
    req.on('error', (err) => done(null, err.message));
    req.end(body);
  });
}
