import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const binary = (mediaTypes: string[]) =>
  Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));

/**
 * A file download: 200 with the whole file, 206 with the byte range asked for in `Range`
 * (players seek with it), each declared as binary in its real media types.
 */
export const ApiBinaryDownload = (mediaTypes: string[], what: string) =>
  applyDecorators(
    ApiResponse({
      status: 200,
      description: `${what}, whole. Send \`Range: bytes=start-end\` for part of it (206).`,
      headers: {
        'Accept-Ranges': { description: 'always `bytes`', schema: { type: 'string' } },
        'Content-Length': { schema: { type: 'integer' } },
      },
      content: binary(mediaTypes),
    }),
    ApiResponse({
      status: 206,
      description: `the byte range of ${what} that \`Range\` asked for`,
      headers: {
        'Content-Range': {
          description: 'e.g. `bytes 0-1023/48213`',
          schema: { type: 'string' },
        },
      },
      content: binary(mediaTypes),
    }),
  );
