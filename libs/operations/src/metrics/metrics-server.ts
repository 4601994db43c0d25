import * as http from 'node:http';
import type { Registry } from 'prom-client';
import { isPrivateAddress } from '../network/private-address';
import { sameSecret } from '../secrets/same-secret';

/**
 * A bare HTTP server for a process without one (the worker): GET /metrics in Prometheus's text
 * format, answered only to a bearer `token` when one is set, else only to private addresses.
 */
export function serveMetrics(
  registry: Registry,
  port: number,
  host: string,
  token?: string,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (!metricsAllowed(req.socket.remoteAddress ?? '', req.headers.authorization, token)) {
      res.writeHead(403).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** The rule for every /metrics: the token when one is configured, else a private caller. */
export function metricsAllowed(address: string, authorization: string | undefined, token?: string) {
  if (!token) return isPrivateAddress(address);
  return sameSecret(authorization ?? '', `Bearer ${token}`);
}
