import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatClient } from '@app/language';
import type { Highlight } from '@app/selection';
import { applyLlmRanking } from './llm-ranking';

const clip = (i: number): Highlight => ({
  start: i * 10,
  end: i * 10 + 8,
  score: 90 - i,
  title: `local ${i}`,
  description: `about ${i}`,
  hashtags: [`#L${i}`],
  topic: i,
  text: `clip number ${i}`,
  words: [],
  features: [],
});

describe('applyLlmRanking', () => {
  it('keeps the local ranking when the LLM endpoint is unreachable', async () => {
    const dead = new ChatClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      timeoutMs: 2000,
      maxTokens: 100,
    });
    const out = await applyLlmRanking(dead, [clip(0), clip(1), clip(2)], 2);
    expect(out.map((h) => h.title)).toEqual(['local 0', 'local 1']);
    expect(out[0].rankedBy).toBeUndefined();
  });

  it("takes the LLM's order and titles, keeping the local scores and reasons", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [
            {
              message: {
                content:
                  '{"clips":[{"id":2,"title":"Best One","hashtags":[]},{"id":0,"title":"Second"}]}',
              },
            },
          ],
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const llm = new ChatClient({ baseUrl, model: 'qwen', timeoutMs: 2000, maxTokens: 100 });
      const out = await applyLlmRanking(llm, [clip(0), clip(1), clip(2)], 2);
      expect(out.map((h) => [h.title, h.score, h.rankedBy])).toEqual([
        ['Best One', 88, 'llm:qwen'],
        ['Second', 90, 'llm:qwen'],
      ]);
      expect(out[0].hashtags).toEqual(['#L2']);
      expect(out[1].description).toBe('about 0');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
