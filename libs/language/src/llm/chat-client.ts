import type { LlmConfig } from '@app/config';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export class LlmError extends Error {}

/**
 * The OpenAI chat-completions protocol (`POST {base}/chat/completions`), which Ollama, the
 * llama.cpp server, vLLM and the clouds all speak. One call, bounded in time and tokens.
 */
export class ChatClient {
  constructor(private readonly config: LlmConfig) {}

  get model(): string {
    return this.config.model;
  }

  async complete(messages: ChatMessage[], signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.config.model,
          messages,
          max_tokens: this.config.maxTokens,
          temperature: 0.2,
        }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      const timedOut = timeout.aborted && !signal?.aborted;
      throw new LlmError(
        timedOut
          ? `no answer within ${this.config.timeoutMs} ms`
          : `request failed: ${(err as Error).message}`,
      );
    }
    if (!res.ok) throw new LlmError(`HTTP ${res.status} from the LLM endpoint`);
    const body = (await res.json().catch(() => null)) as {
      choices?: { message?: { content?: string } }[];
    } | null;
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new LlmError('the answer holds no message content');
    return content;
  }
}
