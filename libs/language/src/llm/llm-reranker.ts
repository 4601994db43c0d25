import { ChatClient } from './chat-client';

export interface RerankCandidate {
  id: number;
  text: string;
}

export interface RerankedClip {
  id: number;
  title: string;
  description: string;
  hashtags: string[];
}

/** Characters of transcript sent in all (the token budget: about 4 characters a token). */
const PROMPT_CHAR_BUDGET = 12_000;

const SYSTEM = [
  'You are an editor choosing short clips from a long video for social media.',
  'Rank the candidate clips from best to worst: a strong hook, understandable without context, a satisfying ending.',
  'For each clip write a title naming what it is about (at most 8 words, not its first words),',
  'a one-line description and 3 to 5 hashtags.',
  'Answer with JSON only: {"clips":[{"id":<id>,"title":"…","description":"…","hashtags":["#…"]}]}, best first.',
].join(' ');

/**
 * Asks the LLM to re-rank the top candidates and title them. Returns the clips in its order, or
 * throws (the caller keeps the local ranking then): unknown ids and malformed entries are dropped,
 * and an answer naming too few clips is refused.
 */
export async function rerankWithLlm(
  client: ChatClient,
  candidates: RerankCandidate[],
  wanted: number,
  signal?: AbortSignal,
): Promise<RerankedClip[]> {
  const share = Math.max(200, Math.floor(PROMPT_CHAR_BUDGET / Math.max(1, candidates.length)));
  const listing = candidates
    .map((c) => `[${c.id}] ${c.text.length > share ? `${c.text.slice(0, share)}…` : c.text}`)
    .join('\n\n');
  const answer = await client.complete(
    [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `Choose the best ${wanted}.\n\n${listing}` },
    ],
    signal,
  );
  const ids = new Set(candidates.map((c) => c.id));
  const seen = new Set<number>();
  const clips = parseClips(answer).filter(
    (c) => ids.has(c.id) && !seen.has(c.id) && seen.add(c.id),
  );
  if (clips.length < Math.min(wanted, candidates.length))
    throw new Error(`the LLM named ${clips.length} usable clips of the ${wanted} asked for`);
  return clips.slice(0, wanted);
}

function parseClips(answer: string): RerankedClip[] {
  const json = answer.slice(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('the LLM did not answer with JSON');
  }
  const list = (parsed as { clips?: unknown }).clips;
  if (!Array.isArray(list)) throw new Error('the LLM answer has no "clips" list');
  return list.flatMap((c: Record<string, unknown>) => {
    if (typeof c?.id !== 'number' || typeof c.title !== 'string' || !c.title.trim()) return [];
    const tags = Array.isArray(c.hashtags) ? c.hashtags.filter((h) => typeof h === 'string') : [];
    return [
      {
        id: c.id,
        title: c.title.trim().slice(0, 120),
        description: typeof c.description === 'string' ? c.description.trim().slice(0, 300) : '',
        hashtags: tags
          .slice(0, 5)
          .map((h: string) => (h.startsWith('#') ? h : `#${h}`).replace(/\s+/g, '')),
      },
    ];
  });
}
