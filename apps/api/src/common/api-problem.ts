import { HttpStatus } from '@nestjs/common';

/** An error the API answers with as RFC 9457 problem details, carrying a stable code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  static badRequest(code: string, detail: string, extra?: Record<string, unknown>) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, code, 'Bad Request', detail, extra);
  }

  static notFound(detail: string) {
    return new ApiProblem(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Not Found', detail);
  }
}
