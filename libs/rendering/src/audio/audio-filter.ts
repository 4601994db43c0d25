import type { LoudnessMeasurement } from '@app/media';
import type { Span } from '../cuts/plan-cuts';

/** Every clip is brought to the level the platforms normalise to, peaks clear of clipping. */
export const LOUDNESS_TARGET = { integrated: -14, truePeak: -1.5, range: 11 } as const;
/** Audio joins overlap this long, faded across, so a cut never clicks. */
export const CROSSFADE_SEC = 0.03;

const n = (v: number) => v.toFixed(2);

/** loudnorm's second pass, fed the first pass's figures so that it can apply one linear gain. */
export function loudnormFilter(m: LoudnessMeasurement): string {
  const t = LOUDNESS_TARGET;
  return (
    `loudnorm=I=${t.integrated}:TP=${t.truePeak}:LRA=${t.range}` +
    `:measured_I=${n(m.integrated)}:measured_TP=${n(m.truePeak)}:measured_LRA=${n(m.range)}` +
    `:measured_thresh=${n(m.threshold)}:offset=${n(m.offset)}:linear=true`
  );
}

/**
 * The audio graph from `[input]` to `[aout]`: the kept spans joined with short crossfades (each
 * span but the last runs on by the fade's length, so the video stays in sync), then loudness.
 */
export function audioGraph(
  input: string,
  keep: Span[] | undefined,
  loudness: LoudnessMeasurement | null | undefined,
): string {
  const finish = [...(loudness ? [loudnormFilter(loudness)] : []), 'aresample=48000'].join(',');
  if (!keep || keep.length < 2) return `${input}${trimA(keep?.[0])}${finish}[aout]`;
  const parts = keep.map((_, i) => `[ac${i}]`);
  const graph = [`${input}asplit=${keep.length}${keep.map((_, i) => `[as${i}]`).join('')}`];
  keep.forEach((s, i) => {
    const end = i < keep.length - 1 ? s.end + CROSSFADE_SEC : s.end;
    graph.push(
      `[as${i}]atrim=${s.start.toFixed(3)}:${end.toFixed(3)},asetpts=PTS-STARTPTS${parts[i]}`,
    );
  });
  let joined = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const out = `[ax${i}]`;
    graph.push(`${joined}${parts[i]}acrossfade=d=${CROSSFADE_SEC}:c1=tri:c2=tri${out}`);
    joined = out;
  }
  graph.push(`${joined}${finish}[aout]`);
  return graph.join(';');
}

const trimA = (s: Span | undefined) =>
  s ? `atrim=${s.start.toFixed(3)}:${s.end.toFixed(3)},asetpts=PTS-STARTPTS,` : '';
