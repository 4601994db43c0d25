import { JobStatus } from '@app/persistence';
import { ApiProblem } from '../common/api-problem';

export interface JobListParams {
  status?: JobStatus;
  limit: number;
  offset: number;
}

const STATUSES = Object.values(JobStatus) as string[];
export const MAX_PAGE = 100;

const integer = (name: string, raw: unknown, min: number, max: number, fallback: number) => {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    throw ApiProblem.badRequest(
      'INVALID_QUERY',
      `"${name}" must be a whole number from ${min} to ${max}`,
    );
  return n;
};

/** `?status=&limit=&offset=` of GET /api/jobs, or 400 naming the parameter. */
export function parseJobListQuery(query: Record<string, unknown>): JobListParams {
  const unknown = Object.keys(query).filter((k) => !['status', 'limit', 'offset'].includes(k));
  if (unknown.length)
    throw ApiProblem.badRequest(
      'INVALID_QUERY',
      `unknown query parameter "${unknown[0].slice(0, 40)}" (status, limit, offset)`,
    );
  const { status } = query;
  if (status !== undefined && (typeof status !== 'string' || !STATUSES.includes(status)))
    throw ApiProblem.badRequest('INVALID_QUERY', `"status" must be one of ${STATUSES.join(', ')}`);
  return {
    status: status as JobStatus | undefined,
    limit: integer('limit', query.limit, 1, MAX_PAGE, 20),
    offset: integer('offset', query.offset, 0, 1e9, 0),
  };
}
