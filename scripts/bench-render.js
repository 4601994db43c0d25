#!/usr/bin/env node
/**
 * Render benchmark, side by side in one run on the same five clips (94.5 s at 1080×1920):
 *  - ours: what the render stage runs per clip — caption script, fonts folder, loudness first
 *    pass, then the one ffmpeg render (swaying crop, karaoke captions, loudness, x264);
 *  - hand: one hand-written ffmpeg command making the same picture (same crop expression, the
 *    same ASS file, loudnorm in one pass, same encoder settings) — the floor for our render;
 *  - plain: the first version's render (still centre crop, static one-line captions, no
 *    loudness), the speed the stage must keep;
 *  - two renditions (9:16 + 1:1) of a clip encoded one after the other and both at once.
 * Writes bench-results/render.json and prints a table. Usage: npm run bench:render (after build)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { CLIPS, WORK, buildSource, wordsOf, swayingCrop, stillCrop } = require('./render/inputs');

const ROOT = path.resolve(__dirname, '..');
const dist = (p) => require(path.join(ROOT, 'dist', 'libs', p));
const { burnInScript, linkFontsFolder, wordsForClip } = dist('captions/src');
const { renderClip, X264, filterGraph } = dist('rendering/src');
const { measureLoudness } = dist('media/src');
const detection = dist('detection/src');
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const SIZE = { width: 1080, height: 1920 };
const round = (v, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

async function ours(
  source,
  clip,
  words,
  name,
  { captions = 'karaoke', crop, loud = true, size = SIZE },
) {
  const t0 = Date.now();
  const script = burnInScript(words, { style: captions }, size, []);
  const ass = path.join(WORK, `${name}.ass`);
  const fonts = path.join(WORK, `${name}.fonts`);
  fs.writeFileSync(ass, script.ass);
  await linkFontsFolder(fonts, script.faces);
  const duration = clip.end - clip.start;
  const loudness = loud
    ? await measureLoudness(ffmpeg, source, { start: clip.start, duration })
    : null;
  await renderClip({ ffmpeg, sourcePath: source, ...clip, crop, outputWidth: size.width,
    outputHeight: size.height, assPath: ass, fontsDir: fonts, loudness, encoder: X264,
    outputPath: path.join(WORK, `${name}.mp4`) }); // prettier-ignore
  return { sec: (Date.now() - t0) / 1000, ass, fonts };
}

/** The command a person would type for the same output (graph text taken from ours, verbatim). */
function hand(source, clip, crop, ass, fonts, name) {
  const graph =
    filterGraph({ ffmpeg, sourcePath: source, ...clip, crop, outputWidth: 1080,
    outputHeight: 1920, assPath: ass, fontsDir: fonts, outputPath: '' }) // prettier-ignore
      .replace(
        /\[0:a:0\].*\[aout\]$/,
        '[0:a:0]loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000[aout]',
      );
  const t0 = Date.now();
  execFileSync(ffmpeg, ['-nostdin', '-y', '-v', 'error', '-ss', clip.start.toFixed(3),
    '-t', (clip.end - clip.start).toFixed(3), '-i', source, '-filter_complex', graph,
    '-map', '[vout]', '-map', '[aout]', ...X264.args, '-c:a', 'aac', '-b:a', '160k', '-ac', '2',
    '-ar', '48000', '-movflags', '+faststart', '-f', 'mp4', path.join(WORK, `${name}.mp4`)]); // prettier-ignore
  return (Date.now() - t0) / 1000;
}

async function main() {
  const source = buildSource();
  const allWords = wordsOf(source);
  const rows = [];
  for (const [i, clip] of CLIPS.entries()) {
    const words = wordsForClip(allWords, clip.start, clip.end);
    const duration = clip.end - clip.start;
    const crop = swayingCrop(duration);
    // Alternate who goes first, so that neither always meets a warmer cache.
    const a = i % 2 === 0;
    // The hand-writer's caption file and fonts, made beforehand (not timed).
    const script = burnInScript(words, { style: 'karaoke' }, SIZE, []);
    const ass = path.join(WORK, `hand-${i}.ass`);
    fs.writeFileSync(ass, script.ass);
    const fonts = await linkFontsFolder(path.join(WORK, `hand-${i}.fonts`), script.faces);
    let o, h;
    if (a) {
      o = await ours(source, clip, words, `ours-${i}`, { crop });
      h = hand(source, clip, crop, ass, fonts, `hand-${i}`);
    } else {
      h = hand(source, clip, crop, ass, fonts, `hand-${i}`);
      o = await ours(source, clip, words, `ours-${i}`, { crop });
    }
    const p = await ours(source, clip, words, `plain-${i}`, {
      captions: 'minimal',
      crop: stillCrop(),
      loud: false,
    });
    rows.push({
      clip: i + 1,
      duration,
      oursSec: round(o.sec),
      handSec: round(h),
      plainSec: round(p.sec),
    });
    console.error(
      `[bench] clip ${i + 1}: ours ${o.sec.toFixed(1)} s, hand ${h.toFixed(1)} s, plain ${p.sec.toFixed(1)} s`,
    );
  }
  const sum = (k) => round(rows.reduce((s, r) => s + r[k], 0));
  const total = sum('duration');
  // Two renditions of the first clip: one after the other, then both at once.
  const clip = CLIPS[0];
  const words = wordsForClip(allWords, clip.start, clip.end);
  const crop = swayingCrop(clip.end - clip.start);
  const square = { width: 1080, height: 1080 };
  const cropSquare = {
    ...crop,
    keyframes: crop.keyframes.map((k) => ({ ...k, width: 720, x: Math.min(560, k.x) })),
  };
  let t0 = Date.now();
  await ours(source, clip, words, 'seq-a', { crop });
  await ours(source, clip, words, 'seq-b', { crop: cropSquare, size: square });
  const sequential = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await Promise.all([
    ours(source, clip, words, 'par-a', { crop }),
    ours(source, clip, words, 'par-b', { crop: cropSquare, size: square }),
  ]);
  const parallel = (Date.now() - t0) / 1000;
  // Framing the next clip while this one renders, against one after the other.
  const framing = new detection.ActiveSpeakerFraming(new detection.HumanFaceAnalyzer({ ffmpeg }));
  const next = CLIPS[1];
  const plan = () =>
    framing.plan({ sourcePath: source, sourceWidth: 1280, sourceHeight: 720, start: next.start,
      end: next.end, aspect: 9 / 16, words: wordsForClip(allWords, next.start, next.end) }); // prettier-ignore
  t0 = Date.now();
  await ours(source, clip, words, 'ov-seq', { crop });
  await plan();
  const overlapSequential = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await Promise.all([ours(source, clip, words, 'ov-par', { crop }), plan()]);
  const overlapParallel = (Date.now() - t0) / 1000;
  // The same with a clip of two renditions (encoded at once): is three at a time too many?
  const both = () =>
    Promise.all([
      ours(source, clip, words, 'ov2-a', { crop }),
      ours(source, clip, words, 'ov2-b', { crop: cropSquare, size: square }),
    ]);
  t0 = Date.now();
  await both();
  await plan();
  const overlap2Sequential = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await Promise.all([both(), plan()]);
  const overlap2Parallel = (Date.now() - t0) / 1000;
  const report = {
    clips: rows,
    clipSeconds: total,
    oursSec: sum('oursSec'),
    handSec: sum('handSec'),
    plainSec: sum('plainSec'),
    oursOverHand: round(sum('oursSec') / sum('handSec'), 3),
    oursTimesDuration: round(sum('oursSec') / total, 3),
    plainTimesDuration: round(sum('plainSec') / total, 3),
    twoRenditions: { sequentialSec: round(sequential), parallelSec: round(parallel) },
    renderWhileFraming: {
      sequentialSec: round(overlapSequential),
      overlappedSec: round(overlapParallel),
    },
    twoRenditionsWhileFraming: {
      sequentialSec: round(overlap2Sequential),
      overlappedSec: round(overlap2Parallel),
    },
    cores: require('node:os').cpus().length,
  };
  fs.writeFileSync(
    path.join(ROOT, 'bench-results', 'render.json'),
    JSON.stringify(report, null, 2),
  );
  console.log(`| | seconds for ${total} s of clips | × clip duration |`);
  console.log('|---|---|---|');
  console.log(
    `| ours (swaying crop, karaoke, loudness 2-pass) | ${report.oursSec} | ${report.oursTimesDuration} |`,
  );
  console.log(
    `| hand-written command (same graph, loudness 1-pass) | ${report.handSec} | ${round(report.handSec / total, 3)} |`,
  );
  console.log(
    `| first version (still crop, static captions, no loudness) | ${report.plainSec} | ${report.plainTimesDuration} |`,
  );
  console.log(
    `ours ÷ hand: ${report.oursOverHand}; two renditions: ${report.twoRenditions.sequentialSec} s one after the other, ${report.twoRenditions.parallelSec} s at once`,
  );
  const [w1, w2] = [report.renderWhileFraming, report.twoRenditionsWhileFraming];
  console.log(
    `render a clip + frame the next: ${w1.sequentialSec} s one after the other, ${w1.overlappedSec} s overlapped; ` +
      `with two renditions at once: ${w2.sequentialSec} s, ${w2.overlappedSec} s`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
