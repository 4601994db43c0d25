#!/usr/bin/env node
/**
 * bench:select — highlight selection on joined corpus passages whose topic boundaries are known.
 * Per sentence encoder: topic-boundary F1 (±3 s) against a fixed-window baseline, clip checks
 * (sentence bounds, duration bounds, overlaps), diversity over subjects, score spread, the
 * standalone judgement pairs, and selection time on a 2-hour transcript (cold and cached).
 * Writes bench-results/select.json and the picked clips to bench-results/select/clips-*.txt.
 *   npm run bench:select [-- --encoders wordllama,use]
 */
const fs = require('node:fs');
const path = require('node:path');
const { ORDERS, joinedInput } = require('./select/inputs');
const { boundaryF1, fixedWindows, passageAt, checkClips } = require('./select/metrics');
const { standalonePairs } = require('./select/pairs');

const ROOT = path.resolve(__dirname, '..');
const dist = (p) => require(path.join(ROOT, 'dist', p));
const sel = dist('libs/selection/src');
const lang = dist('libs/language/src');
const { measureLevels } = dist('libs/media/src');
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const OUT = path.join(ROOT, 'bench-results');
const BOUNDS = { maxClips: 5, minDuration: 8, maxDuration: 30 };
const LONG_INPUT_SEC = 2 * 3600;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

function encoderNamed(name) {
  if (name === 'use') return new lang.UseEncoder();
  return new lang.WordLlamaEncoder({
    python: process.env.TOOLS_PYTHON ?? path.join(ROOT, '.cache', 'venv', 'bin', 'python'),
    script: path.join(ROOT, 'scripts', 'embeddings', 'wordllama_embed.py'),
  });
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (n, d) => (d ? Number(((100 * n) / d).toFixed(1)) : null);

async function benchEncoder(name, inputs, clipsLog) {
  const encoder = encoderNamed(name);
  const topic = [];
  const baseline = [];
  const clips = { clips: 0, onBounds: 0, inDuration: 0, overlaps: 0 };
  const diversity = [];
  const spreads = [];
  const pairs = [];
  for (const input of inputs) {
    const sentences = sel.prepareSentences(input.words, BOUNDS.maxDuration);
    const vectors = await encoder.encode(sentences.map((s) => s.text));
    const result = sel.selectHighlights(
      { sentences, vectors, audio: input.audio },
      { ...BOUNDS, mediaDuration: input.duration },
    );
    const predicted = result.topics.slice(1).map((t) => t.start);
    topic.push(boundaryF1(predicted, input.truth));
    baseline.push(boundaryF1(fixedWindows(input.duration, input.truth.length), input.truth));
    const check = checkClips(result.highlights, sentences, BOUNDS);
    for (const k of Object.keys(clips)) clips[k] += check[k];
    const subjects = new Set(result.highlights.map((h) => passageAt(input.passages, (h.start + h.end) / 2)));
    diversity.push(subjects.size);
    const scores = result.highlights.map((h) => h.score).sort((a, b) => b - a);
    spreads.push(scores[0] - scores[scores.length - 1]);
    pairs.push(...standalonePairs(sel, input, sentences, vectors));
    clipsLog.push(`## ${name} — ${input.name}`, `predicted boundaries ${predicted.map((t) => t.toFixed(1)).join(', ')}; truth ${input.truth.map((t) => t.map((x) => x.toFixed(1)).join('–')).join(', ')}`);
    for (const h of result.highlights)
      clipsLog.push(
        `- [${h.score}] ${h.title} (${h.start.toFixed(1)}–${h.end.toFixed(1)} s, ${passageAt(input.passages, (h.start + h.end) / 2)}) ${h.hashtags.join(' ')}`,
        `  ${h.text}`,
        `  ${h.features.map((f) => `${f.name} +${f.contribution}: ${f.reason}`).join(' | ')}`,
      );
  }
  const won = pairs.filter((p) => p.won).length;
  const byVariant = {};
  for (const p of pairs) {
    byVariant[p.variant] ??= { pairs: 0, won: 0 };
    byVariant[p.variant].pairs++;
    if (p.won) byVariant[p.variant].won++;
  }
  return {
    encoder: encoder.name,
    topicF1: Number(mean(topic.map((t) => t.f1)).toFixed(3)),
    topicPrecision: Number(mean(topic.map((t) => t.precision)).toFixed(3)),
    topicRecall: Number(mean(topic.map((t) => t.recall)).toFixed(3)),
    fixedWindowF1: Number(mean(baseline.map((t) => t.f1)).toFixed(3)),
    clips,
    onBoundsPct: pct(clips.onBounds, clips.clips),
    inDurationPct: pct(clips.inDuration, clips.clips),
    subjectsPerInput: diversity,
    scoreSpread: spreads.map((s) => Number(s.toFixed(1))),
    standalone: { pairs: pairs.length, won, wonPct: pct(won, pairs.length), byVariant, lost: pairs.filter((p) => !p.won) },
    speed: await benchSpeed(encoder, inputs[0]),
  };
}

/** The first input repeated to two hours: split, encode (cold, then cached), select. */
async function benchSpeed(encoder, input) {
  const words = [];
  for (let offset = 0, k = 0; offset < LONG_INPUT_SEC; offset += input.duration, k++)
    for (const w of input.words) words.push({ ...w, start: w.start + offset, end: w.end + offset });
  const duration = words[words.length - 1].end + 1;
  const cached = new lang.CachedEncoder(encoder);
  const time = async (fn) => {
    const t = process.hrtime.bigint();
    const value = await fn();
    return [value, Number(process.hrtime.bigint() - t) / 1e9];
  };
  const [sentences, splitSec] = await time(() => sel.prepareSentences(words, 60));
  const texts = sentences.map((s) => s.text);
  // Cold: every sentence encoded (the raw encoder, since the copies repeat the same texts).
  const [vectors, encodeColdSec] = await time(() => encoder.encode(texts));
  await cached.encode(texts);
  const [, encodeCachedSec] = await time(() => cached.encode(texts));
  const options = { maxClips: 10, minDuration: 15, maxDuration: 60, mediaDuration: duration };
  const [result, selectSec] = await time(() => sel.selectHighlights({ sentences, vectors }, options));
  const r = (v) => Number(v.toFixed(2));
  return {
    mediaHours: r(duration / 3600),
    sentences: sentences.length,
    candidates: result.candidates,
    splitSec: r(splitSec),
    encodeColdSec: r(encodeColdSec),
    encodeCachedSec: r(encodeCachedSec),
    selectSec: r(selectSec),
    totalColdSec: r(splitSec + encodeColdSec + selectSec),
    totalCachedSec: r(splitSec + encodeCachedSec + selectSec),
  };
}

async function main() {
  const names = arg('encoders', 'wordllama,use').split(',');
  const inputs = [];
  for (const order of ORDERS) inputs.push(await joinedInput(order, { measureLevels, ffmpeg }));
  const clipsLog = [];
  const results = [];
  for (const name of names) results.push(await benchEncoder(name, inputs, clipsLog));
  fs.mkdirSync(path.join(OUT, 'select'), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'select', 'clips.md'), `${clipsLog.join('\n')}\n`);
  const report = { inputs: inputs.map((i) => ({ name: i.name, durationSec: Math.round(i.duration), truth: i.truth })), bounds: BOUNDS, results };
  fs.writeFileSync(path.join(OUT, 'select.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('encoder                    topicF1  fixedF1  bounds  overlaps  subjects  spread     standalone   2h cold/cached s');
  for (const r of results)
    console.log(
      `${r.encoder.padEnd(26)} ${r.topicF1.toFixed(2).padStart(7)}  ${r.fixedWindowF1.toFixed(2).padStart(7)}  ${String(r.onBoundsPct).padStart(5)}%  ${String(r.clips.overlaps).padStart(8)}  ${r.subjectsPerInput.join(',').padStart(8)}  ${r.scoreSpread.join(',').padStart(10)}  ${`${r.standalone.won}/${r.standalone.pairs}`.padStart(9)}   ${r.speed.totalColdSec}/${r.speed.totalCachedSec}`,
    );
  console.log(`wrote ${path.relative(ROOT, path.join(OUT, 'select.json'))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
