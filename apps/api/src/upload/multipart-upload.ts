import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import busboy from 'busboy';
import type { Request } from 'express';
import { ApiProblem } from '../common/api-problem';
import { HttpStatus } from '@nestjs/common';

export interface ReceivedUpload {
  tempPath: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  fields: Record<string, string>;
}

/**
 * Streams a multipart/form-data request's `file` part to a temp file (memory stays flat for any
 * size) and collects the other fields. Enforces the byte limit while streaming.
 */
export function receiveMultipartUpload(
  req: Request,
  tempDir: string,
  maxBytes: number,
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
        limits: { files: 1, fields: 20, fieldSize: 1024, fileSize: maxBytes },
      });
    } catch (err) {
      reject(ApiProblem.badRequest('BAD_MULTIPART', (err as Error).message));
      return;
    }
    const fields: Record<string, string> = {};
    let upload: Promise<Omit<ReceivedUpload, 'fields'>> | null = null;
    let failure: Error | null = null;
    const tempPath = path.join(tempDir, `${randomUUID()}.upload`);

    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        stream.resume();
        return;
      }
      upload = new Promise((res, rej) => {
        let size = 0;
        const out = createWriteStream(tempPath);
        stream.on('data', (chunk: Buffer) => (size += chunk.length));
        stream.on('limit', () => {
          failure = new ApiProblem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            'UPLOAD_TOO_LARGE',
            'Payload Too Large',
            `the upload exceeds MAX_UPLOAD_BYTES (${maxBytes} bytes)`,
            { limitBytes: maxBytes },
          );
          stream.unpipe(out);
          stream.resume();
          out.end();
        });
        out.on('error', rej);
        out.on('close', () =>
          res({
            tempPath,
            originalName: info.filename ?? 'upload',
            mimeType: info.mimeType,
            sizeBytes: size,
          }),
        );
        stream.pipe(out);
      });
    });
    parser.on('error', (err: Error) => {
      failure ??= ApiProblem.badRequest(
        'BAD_MULTIPART',
        `malformed multipart body: ${err.message}`,
      );
      finish();
    });
    parser.on('close', () => finish());
    req.on('aborted', () => {
      failure ??= ApiProblem.badRequest('UPLOAD_ABORTED', 'the client aborted the upload');
      finish();
    });

    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      void (async () => {
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
    req.pipe(parser);
  });
}
