import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpStatus } from '@nestjs/common';
import { ApiProblem } from '../common/api-problem';
import { uploadTempName } from './upload-temp-files';
import { LINGER_MAX_BYTES } from '../common/unread-body';

export interface ReceivedUpload {
  tempPath: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  /** SHA-256 of the file's bytes, hex (what an Idempotency-Key's replay is compared by). */
  sha256: string;
  fields: Record<string, string>;
}

export interface MultipartLimits {
  maxBytes: number;
  /** No byte for this long ends the upload with 408 (a slow drip never holds a slot forever). */
  idleTimeoutMs: number;
  /** Called with the fields sent before the file: throwing rejects before the body is read. */
  checkFieldsBeforeFile?: (fields: Record<string, string>) => void;
}

const tooLarge = (maxBytes: number) =>
  new ApiProblem(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'UPLOAD_TOO_LARGE',
    'Payload Too Large',
    `the upload exceeds MAX_UPLOAD_BYTES (${maxBytes} bytes)`,
    { limitBytes: maxBytes },
  );

/**
 * After an early answer is decided: a small rest of the body is drained first (an HTTP client that
 * writes its whole body before it reads fails with EPIPE if the server hangs up on it); a large or
 * unknown one is not read at all, and the connection ends after the answer.
 */
async function stopReading(req: Request, receivedBytes: number, idleMs: number): Promise<void> {
  const declared = Number(req.headers['content-length']);
  const closing = req.res?.getHeader('Connection') === 'close';
  if (closing || !Number.isFinite(declared) || declared - receivedBytes > LINGER_MAX_BYTES) {
    req.res?.setHeader('Connection', 'close');
    return;
  }
  await new Promise<void>((resolve) => {
    let timer = setTimeout(resolve, idleMs);
    req.on('data', () => {
      clearTimeout(timer);
      timer = setTimeout(resolve, idleMs);
    });
    req.once('end', resolve);
    req.once('close', resolve);
    req.resume();
  });
}

const malformed = (why: string) =>
  ApiProblem.badRequest('BAD_MULTIPART', `malformed multipart body: ${why}`);

/**
 * Streams a multipart/form-data request's `file` part to a temp file (memory stays flat for any
 * size) and collects the other fields. Every way the body can go wrong — a part that never ends, a
 * dropped connection, a stalled client, too many bytes — ends in one rejected ApiProblem with the
 * temp file removed; no stream error is ever left without a listener.
 */
export function receiveMultipartUpload(
  req: Request,
  tempDir: string,
  limits: MultipartLimits,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      reject(
        new ApiProblem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'UNSUPPORTED_MEDIA_TYPE',
          'Unsupported Media Type',
          'send the video as multipart/form-data with a `file` field',
        ),
      );
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fieldSize: 1024, fileSize: limits.maxBytes, parts: 40 },
      });
    } catch (err) {
      reject(ApiProblem.badRequest('BAD_MULTIPART', (err as Error).message));
      return;
    }
    const fields: Record<string, string> = {};
    let upload: Promise<Omit<ReceivedUpload, 'fields'>> | null = null;
    let failure: Error | null = null;
    let fileCount = 0;
    let out: WriteStream | null = null;
    const tempPath = path.join(tempDir, uploadTempName(randomUUID()));
    let idle: NodeJS.Timeout | undefined;
    const fail = (problem: Error) => {
      failure ??= problem;
      finish();
    };
    let receivedBytes = 0;
    const touch = (chunk?: Buffer) => {
      receivedBytes += chunk?.length ?? 0;
      clearTimeout(idle);
      idle = setTimeout(() => {
        // A stalled client gets its answer on a connection that then closes.
        req.res?.setHeader('Connection', 'close');
        fail(
          new ApiProblem(
            HttpStatus.REQUEST_TIMEOUT,
            'UPLOAD_TIMEOUT',
            'Request Timeout',
            `no data arrived for ${Math.round(limits.idleTimeoutMs / 1000)} s`,
          ),
        );
      }, limits.idleTimeoutMs);
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        fail(ApiProblem.badRequest('INVALID_OPTIONS', `${name} is too long`));
      else if (name in fields)
        fail(ApiProblem.badRequest('INVALID_OPTIONS', `${name} given twice`));
      else fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(ApiProblem.badRequest('TOO_MANY_FILES', 'send exactly one `file` part')),
    );
    parser.on('fieldsLimit', () =>
      fail(ApiProblem.badRequest('INVALID_OPTIONS', 'too many fields')),
    );
    parser.on('partsLimit', () => fail(ApiProblem.badRequest('INVALID_OPTIONS', 'too many parts')));
    parser.on('file', (name, stream, info) => {
      // Errors of a part (e.g. "Unexpected end of form") are also reported on the parser.
      stream.on('error', (err: Error) => fail(malformed(err.message)));
      // Refused already (e.g. an option given twice): the parser can still emit a buffered file
      // part after the cleanup ran, and a file written then would be left behind.
      if (failure) {
        stream.resume();
        return;
      }
      fileCount++;
      if (name !== 'file' || fileCount > 1) {
        stream.resume();
        fail(
          ApiProblem.badRequest(
            fileCount > 1 ? 'TOO_MANY_FILES' : 'UNEXPECTED_FILE_FIELD',
            fileCount > 1 ? 'send exactly one `file` part' : `unexpected file field "${name}"`,
          ),
        );
        return;
      }
      try {
        limits.checkFieldsBeforeFile?.(fields);
      } catch (err) {
        stream.resume();
        fail(err as Error);
        return;
      }
      upload = new Promise((res, rej) => {
        let size = 0;
        const hash = createHash('sha256');
        const file = createWriteStream(tempPath);
        out = file;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          hash.update(chunk);
        });
        stream.on('limit', () => {
          stream.unpipe(file);
          stream.resume();
          fail(tooLarge(limits.maxBytes));
        });
        file.on('error', rej);
        file.on('close', () =>
          res({
            tempPath,
            originalName: info.filename ?? 'upload',
            mimeType: info.mimeType,
            sizeBytes: size,
            sha256: hash.digest('hex'),
          }),
        );
        stream.pipe(file);
      });
    });
    parser.on('error', (err: Error) => fail(malformed(err.message)));
    parser.on('close', () => finish());
    req.on('data', touch);
    req.on('aborted', () =>
      fail(ApiProblem.badRequest('UPLOAD_ABORTED', 'the client aborted the upload')),
    );
    req.on('error', () =>
      fail(ApiProblem.badRequest('UPLOAD_ABORTED', 'the connection failed during the upload')),
    );

    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      req.off('data', touch);
      void (async () => {
        if (failure) {
          req.unpipe(parser);
          out?.destroy();
          if (!req.complete) await stopReading(req, receivedBytes, limits.idleTimeoutMs);
        }
        const received = upload ? await upload.catch((e: Error) => ((failure ??= e), null)) : null;
        if (failure || !received) {
          await fs.rm(tempPath, { force: true });
          reject(
            failure ??
              ApiProblem.badRequest('FILE_MISSING', 'the multipart form has no `file` field', {
                field: 'file',
              }),
          );
          return;
        }
        resolve({ ...received, fields });
      })();
    };
    touch();
    req.pipe(parser);
  });
}
