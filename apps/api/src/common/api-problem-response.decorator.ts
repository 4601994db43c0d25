import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/** Documents an error status as RFC 9457 `application/problem+json`, as the filter sends it. */
export const ApiProblemResponse = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status,
      description,
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );

/** Errors any route can answer with, whatever its own: malformed requests and overload. */
export const ApiCommonProblems = () =>
  applyDecorators(
    ApiProblemResponse(400, 'malformed request'),
    ApiProblemResponse(500, 'unexpected error (logged)'),
  );

/** A route behind API keys and rate limits: the answers every such route may give. */
export const ApiProtected = () =>
  applyDecorators(
    ApiBearerAuth('api-key'),
    ApiSecurity('x-api-key'),
    ApiProblemResponse(401, 'no API key, or an unknown or revoked one (unless AUTH_DISABLED=true)'),
    ApiProblemResponse(429, 'rate limit reached; see Retry-After'),
  );
