import type { Span } from './plan-cuts';

/** The video graph from `input` to `output` keeping only `keep` (clip timeline), joined. */
export function videoCutGraph(input: string, keep: Span[] | undefined, output: string): string {
  if (!keep?.length) return `${input}null${output}`;
  const trim = (s: Span) => `trim=${s.start.toFixed(3)}:${s.end.toFixed(3)},setpts=PTS-STARTPTS`;
  if (keep.length === 1) return `${input}${trim(keep[0])}${output}`;
  const graph = [`${input}split=${keep.length}${keep.map((_, i) => `[vs${i}]`).join('')}`];
  keep.forEach((s, i) => graph.push(`[vs${i}]${trim(s)}[vc${i}]`));
  graph.push(`${keep.map((_, i) => `[vc${i}]`).join('')}concat=n=${keep.length}:v=1:a=0${output}`);
  return graph.join(';');
}
