import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ApiProblem } from './api-problem';
import { ProblemDetailsFilter } from './problem-details.filter';

function run(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string } = {};
  const res = {
    headersSent: false,
    status(s: number) {
      sent.status = s;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(b: string) {
      sent.body = b;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', url: '/x', originalUrl: '/api/x' }),
      getResponse: () => res,
    }),
  };
  new ProblemDetailsFilter().catch(exception, host as never);
  return { ...sent, json: JSON.parse(sent.body!) };
}

describe('ProblemDetailsFilter', () => {
  it('renders ApiProblem with its code and extras', () => {
    const out = run(ApiProblem.badRequest('MEDIA_EMPTY', 'the upload is empty', { field: 'file' }));
    expect(out.status).toBe(400);
    expect(out.type).toBe('application/problem+json');
    expect(out.json).toEqual({
      type: 'https://clipgen.dev/problems/media-empty',
      title: 'Bad Request',
      status: 400,
      detail: 'the upload is empty',
      code: 'MEDIA_EMPTY',
      instance: '/api/x',
      field: 'file',
    });
  });

  it('maps Nest HTTP exceptions, keeping validation messages', () => {
    const out = run(new BadRequestException(['maxClips must not be greater than 20']));
    expect(out.json).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      errors: ['maxClips must not be greater than 20'],
    });
    expect(run(new NotFoundException()).json).toMatchObject({
      status: 404,
      title: 'Not Found',
      code: 'NOT_FOUND',
    });
  });

  it('hides internals of unexpected errors', () => {
    const out = run(new Error('db password is hunter2'));
    expect(out.status).toBe(500);
    expect(out.body).not.toContain('hunter2');
  });
});
