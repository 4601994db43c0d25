import { ApiProblem } from '../common/api-problem';
import { parseJobListQuery } from './job-list-query';

const problem = (query: Record<string, unknown>) => {
  try {
    parseJobListQuery(query);
  } catch (err) {
    return (err as ApiProblem).detail;
  }
  return null;
};

describe('parseJobListQuery', () => {
  it('fills the defaults and takes valid values', () => {
    expect(parseJobListQuery({})).toEqual({ status: undefined, limit: 20, offset: 0 });
    expect(parseJobListQuery({ status: 'failed', limit: '5', offset: '10' })).toEqual({
      status: 'failed',
      limit: 5,
      offset: 10,
    });
  });

  it('refuses what it does not know, naming the parameter', () => {
    expect(problem({ status: 'done' })).toMatch(/"status" must be one of queued, processing/);
    expect(problem({ status: ['failed', 'queued'] })).toMatch(/"status"/);
    expect(problem({ limit: '0' })).toMatch(/"limit" must be a whole number from 1 to 100/);
    expect(problem({ limit: '101' })).toMatch(/"limit"/);
    expect(problem({ limit: '1e2' })).toMatch(/"limit"/);
    expect(problem({ offset: '-1' })).toMatch(/"offset"/);
    expect(problem({ page: '2' })).toMatch(/unknown query parameter "page"/);
  });
});
