import { ApiProblem } from '../common/api-problem';
import { problemBody } from '../common/problem-body';

/** What tus hooks throw to answer a request: a status and a body (ours: problem+json). */
export interface TusAnswer {
  status_code: number;
  body: string;
}

/** An ApiProblem as a tus hook answer. */
export const tusAnswerOf = (problem: ApiProblem, instance: string): TusAnswer => ({
  status_code: problem.status,
  body: problemBody(
    problem.status,
    problem.code,
    problem.title,
    problem.detail,
    instance,
    problem.extra,
  ),
});

const isTusAnswer = (err: unknown): err is TusAnswer =>
  typeof err === 'object' && err !== null && 'status_code' in err && 'body' in err;

/**
 * Every error of the resumable endpoint as problem+json: ours pass through, the tus library's own
 * (plain text like "The file for this url was not found") are wrapped, anything else is a 500
 * without internals.
 */
export function toProblemAnswer(err: unknown, instance: string): TusAnswer {
  if (isTusAnswer(err)) {
    if (err.body.startsWith('{')) return err;
    const status = err.status_code;
    const detail = err.body.trim() || 'resumable upload error';
    const title = status === 404 ? 'Not Found' : status < 500 ? 'Bad Request' : 'Server Error';
    return {
      status_code: status,
      body: problemBody(status, 'RESUMABLE_UPLOAD_ERROR', title, detail, instance),
    };
  }
  return {
    status_code: 500,
    body: problemBody(
      500,
      'INTERNAL',
      'Internal Server Error',
      'An unexpected error occurred; it has been logged.',
      instance,
    ),
  };
}
