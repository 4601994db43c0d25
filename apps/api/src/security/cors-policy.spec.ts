import express from 'express';
import request from 'supertest';
import { corsPolicy, isOriginAllowed } from './cors-policy';

const appWith = (origins: string[]) =>
  express()
    .use(...corsPolicy(origins))
    .get('/x', (_req, res) => void res.send('ok'));

describe('CORS policy', () => {
  it('allows listed origins only, or any with *', () => {
    expect(isOriginAllowed(['https://a.example'], 'https://a.example')).toBe(true);
    expect(isOriginAllowed(['https://a.example'], 'https://b.example')).toBe(false);
    expect(isOriginAllowed([], 'https://a.example')).toBe(false);
    expect(isOriginAllowed(['*'], 'https://b.example')).toBe(true);
  });

  it('never combines * with credentials', async () => {
    const res = await request(appWith(['*']))
      .options('/x')
      .set('Origin', 'https://b.example')
      .set('Access-Control-Request-Method', 'GET')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://b.example');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('sends no CORS headers with an empty list, and refuses preflights', async () => {
    const app = appWith([]);
    const simple = await request(app).get('/x').set('Origin', 'https://a.example').expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    await request(app)
      .options('/x')
      .set('Origin', 'https://a.example')
      .set('Access-Control-Request-Method', 'GET')
      .expect(403);
    // Same-origin and server-to-server requests carry no Origin and are not affected.
    await request(app).get('/x').expect(200);
  });
});
