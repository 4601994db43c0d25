import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatClient, LlmError } from './chat-client';
import { rerankWithLlm } from './llm-reranker';

/**
 * A local endpoint that speaks the OpenAI chat-completions protocol: it records each request and
 * answers with whatever the test queued (content, a status, or silence).
 */
function fakeLlmServer() {
  const seen: { auth?: string; body: Record<string, unknown> }[] = [];
  let answer: { status?: number; content?: string; hang?: boolean } = {};
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      if (answer.hang) return;
      if (req.url !== '/v1/chat/completions') return res.writeHead(404).end();
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: answer.content ?? '' } }],
        }),
      );
    });
  });
  return {
    seen,
    answer: (a: typeof answer) => (answer = a),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`),
        ),
      ),
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('LLM re-ranking over the OpenAI chat protocol', () => {
  const fake = fakeLlmServer();
  let client: ChatClient;
  const candidates = [
    { id: 0, text: 'Yeast eats sugar and breathes out gas.' },
    { id: 1, text: 'A rocket must fly sideways at eight kilometres a second.' },
    { id: 2, text: 'Thank you all for coming.' },
  ];

  beforeAll(async () => {
    const baseUrl = await fake.start();
    client = new ChatClient({
      baseUrl,
      apiKey: 'k-123',
      model: 'tiny',
      timeoutMs: 800,
      maxTokens: 300,
    });
  });
  afterAll(() => fake.stop());

  it('sends the candidates with the model, key and token budget, and takes its order and titles', async () => {
    fake.answer({
      content:
        'Sure! {"clips":[{"id":1,"title":"Why Orbit Is Fast","description":"Orbital speed.","hashtags":["space","#Rockets"]},' +
        '{"id":0,"title":"How Bread Rises","description":"Yeast at work.","hashtags":["#Baking"]}]}',
    });
    const ranked = await rerankWithLlm(client, candidates, 2);
    expect(ranked.map((r) => r.id)).toEqual([1, 0]);
    expect(ranked[0]).toMatchObject({
      title: 'Why Orbit Is Fast',
      hashtags: ['#space', '#Rockets'],
    });
    const last = fake.seen[fake.seen.length - 1];
    expect(last.auth).toBe('Bearer k-123');
    expect(last.body).toMatchObject({ model: 'tiny', max_tokens: 300 });
    expect(JSON.stringify(last.body.messages)).toContain('[1] A rocket must fly sideways');
  });

  it('refuses answers it cannot use: no JSON, unknown ids, too few clips', async () => {
    fake.answer({ content: 'I like the second one best.' });
    await expect(rerankWithLlm(client, candidates, 2)).rejects.toThrow(/JSON/);
    fake.answer({ content: '{"clips":[{"id":7,"title":"Ghost"},{"id":0,"title":"Bread"}]}' });
    await expect(rerankWithLlm(client, candidates, 2)).rejects.toThrow(/1 usable clips/);
  });

  it('fails fast on an HTTP error and on an endpoint that does not answer in time', async () => {
    fake.answer({ status: 503 });
    await expect(client.complete([{ role: 'user', content: 'hi' }])).rejects.toThrow(/HTTP 503/);
    fake.answer({ hang: true });
    const started = Date.now();
    await expect(client.complete([{ role: 'user', content: 'hi' }])).rejects.toBeInstanceOf(
      LlmError,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
