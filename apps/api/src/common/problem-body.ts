/** RFC 9457 problem details as every clipgen error carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  [extra: string]: unknown;
}

const TYPE_BASE = 'https://clipgen.dev/problems/';

/** The problem object for a stable `code` (its `type` URI is derived from it). */
export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: TYPE_BASE + code.toLowerCase().replace(/_/g, '-'),
    title,
    status,
    detail,
    code,
    instance,
    ...extra,
  };
}

/** The same, serialised: for answers written outside Nest (raw sockets, middleware, tus). */
export const problemBody = (...args: Parameters<typeof problem>): string =>
  JSON.stringify(problem(...args));
