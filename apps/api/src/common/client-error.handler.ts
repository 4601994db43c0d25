import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody } from './problem-body';

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'HEADERS_TOO_LARGE',
    'the request headers are larger than the server accepts',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'REQUEST_TIMEOUT',
    'the request took too long',
  ],
};
const MALFORMED: [number, string, string, string] = [
  400,
  'Bad Request',
  'MALFORMED_REQUEST',
  'the request is not valid HTTP',
];

/**
 * Requests Node rejects before any route sees them (oversized headers, broken HTTP) would get
 * Node's bare answer; they get problem+json like every other error.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, title, code, detail] = ANSWERS[err.code ?? ''] ?? MALFORMED;
    const body = problemBody(status, code, title, detail, 'about:blank');
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
