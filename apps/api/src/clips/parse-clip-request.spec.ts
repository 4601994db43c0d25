import { ApiProblem } from '../common/api-problem';
import { parseClipRequest } from './parse-clip-request';

const refusal = (body: unknown) => {
  try {
    parseClipRequest(body);
  } catch (err) {
    return err instanceof ApiProblem ? `${err.status} ${err.code}: ${err.detail}` : String(err);
  }
  return 'accepted';
};

describe('parseClipRequest', () => {
  it('accepts a time range or a query', () => {
    expect(parseClipRequest({ start: 1.5, end: 20 })).toEqual({ start: 1.5, end: 20 });
    expect(parseClipRequest({ query: '  the pocket book ' })).toEqual({ query: 'the pocket book' });
  });

  it('refuses everything else with a 400 that says why', () => {
    expect(refusal(null)).toMatch(/^400 INVALID_CLIP_REQUEST: send a JSON object/);
    expect(refusal([1, 2])).toMatch(/JSON object/);
    expect(refusal({})).toMatch(/give start and end/);
    expect(refusal({ start: 1, end: 2, query: 'x' })).toMatch(/not both/);
    expect(refusal({ query: '' })).toMatch(/non-empty/);
    expect(refusal({ query: 'x'.repeat(501) })).toMatch(/at most 500/);
    expect(refusal({ start: '1', end: 2 })).toMatch(/numbers/);
    expect(refusal({ start: 5, end: 5 })).toMatch(/start < end/);
    expect(refusal({ start: -1, end: 5 })).toMatch(/start < end/);
    expect(refusal({ start: 1, end: Infinity })).toMatch(/numbers/);
    expect(refusal({ query: 'x', extra: 1 })).toMatch(/unknown field\(s\): extra/);
  });
});
