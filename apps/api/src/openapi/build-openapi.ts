import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { clipgenVersion } from '@app/config';
import { ProblemDto } from '../common/problem.dto';
import { errorCatalogMarkdown } from './error-catalog';
import { problemExample } from './problem-examples';
import { STATUS_EXAMPLES } from './status-examples';

const EXAMPLE_JOB = '3f1c2a4e-7b1d-4c55-9a7e-2f0c6d1b3a90';

const DESCRIPTION = `Turn long videos into short, captioned clips on your own machine.

**Flow:** \`POST /api/upload-video\` (202, \`Location\` = the status) → follow \`GET /api/status/{jobId}\` or stream \`GET /api/jobs/{jobId}/events\` → download the clips from the URLs in the completed status (signed: they work without a key until \`linksExpireAt\`). Or pass \`callbackUrl\` to be called when the job ends.

**Keys:** unless the server runs with \`AUTH_DISABLED=true\`, send \`Authorization: Bearer <key>\` or \`X-API-Key: <key>\` (\`clipgen keys create --name NAME\`). Each key sees only its own jobs.

**Callbacks:** a POST of \`{ id, event, occurredAt, job }\` with \`X-Clipgen-Signature: t={unix seconds},v1={hex}\` where v1 = \`HMAC-SHA256(WEBHOOK_SECRET, "{t}.{raw body}")\`; reject a t older than 5 minutes. Retried with exponential backoff while the answer is not 2xx.

**URLs** in answers are absolute under the server's PUBLIC_BASE_URL when it has one, else relative to this API.

${errorCatalogMarkdown()}`;

const TAGS = [
  {
    name: 'jobs',
    description:
      'Upload a video, follow its job (status, live events, list) and cancel or delete it',
  },
  { name: 'clips', description: 'More clips on a finished job, by words said or by time range' },
  {
    name: 'downloads',
    description:
      'Clip MP4s, thumbnails, captions, edit data and transcripts (HTTP Range supported)',
  },
  { name: 'health', description: 'Probes for orchestrators: liveness and readiness' },
];

type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string; description?: string; example?: unknown }[];
  responses?: Record<
    string,
    { content?: Record<string, { example?: unknown; examples?: unknown }> }
  >;
};

/** What Nest's generator cannot say from decorators: examples, parameter help, servers, tags. */
export function polishDocument(doc: OpenAPIObject, publicBaseUrl?: string): OpenAPIObject {
  doc.servers = [{ url: publicBaseUrl || '/', description: 'this clipgen server' }];
  doc.tags = TAGS;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      for (const param of op.parameters ?? []) {
        if (param.name === 'jobId' && param.in === 'path') {
          param.description ??= 'the job id the upload returned';
          param.example ??= EXAMPLE_JOB;
        }
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const problem = response.content?.['application/problem+json'];
        const example = problemExample(op.operationId ?? '', path, Number(status));
        if (problem && example) problem.example = example;
      }
      const ok = op.responses?.['200']?.content?.['application/json'];
      if (ok && (op.operationId === 'getJobStatus' || op.operationId === 'getJob'))
        ok.examples = STATUS_EXAMPLES;
    }
  }
  return doc;
}

/** The OpenAPI document of the running app, served at /docs (Swagger UI) and /docs-json. */
export function setUpOpenApi(app: INestApplication, publicBaseUrl?: string): OpenAPIObject {
  const document = polishDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('clipgen API')
        .setDescription(DESCRIPTION)
        .setVersion(clipgenVersion())
        .setLicense('MIT', 'https://opensource.org/licenses/MIT')
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', description: 'an API key (clipgen keys create)' },
          'api-key',
        )
        .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'x-api-key')
        .build(),
      { extraModels: [ProblemDto] },
    ),
    publicBaseUrl,
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'clipgen API',
    swaggerOptions: { displayOperationId: true, tryItOutEnabled: false },
  });
  return document;
}
