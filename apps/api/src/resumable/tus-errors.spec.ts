import { ApiProblem } from '../common/api-problem';
import { toProblemAnswer, tusAnswerOf } from './tus-errors';

describe('resumable upload errors', () => {
  it('turns our problems into tus answers with problem+json bodies', () => {
    const answer = tusAnswerOf(
      ApiProblem.badRequest('INVALID_OPTIONS', 'maxClips is 0', { errors: ['x'] }),
      '/api/uploads',
    );
    expect(answer.status_code).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 400,
      code: 'INVALID_OPTIONS',
      detail: 'maxClips is 0',
      instance: '/api/uploads',
      errors: ['x'],
    });
    expect(toProblemAnswer(answer, '/api/uploads')).toBe(answer);
  });

  it("wraps the tus library's plain-text errors", () => {
    const answer = toProblemAnswer(
      { status_code: 404, body: 'The file for this url was not found\n' },
      '/api/uploads/abc',
    );
    expect(answer.status_code).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'RESUMABLE_UPLOAD_ERROR',
      title: 'Not Found',
      detail: 'The file for this url was not found',
    });
  });

  it('answers anything else with a bare 500, no message or stack', () => {
    const answer = toProblemAnswer(new Error('EACCES: /srv/clipgen/work/tus/x'), '/api/uploads/x');
    expect(answer.status_code).toBe(500);
    expect(answer.body).not.toContain('/srv');
    expect(JSON.parse(answer.body).code).toBe('INTERNAL');
  });
});
