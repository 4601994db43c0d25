/**
 * Inputs of the render benchmark: the bench:e2e talking head (the 16:9 corpus speaker looped under
 * the real 2-minute interview), five clips of it totalling 94.5 s, their words (transcribed once
 * by our engine, cached) and a crop path that pans across the frame all along (the costlier case
 * for x264: a still crop encodes faster).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const WORK = path.join(ROOT, 'bench-results', 'render');
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;

/** Starts and lengths: five clips, 94.5 s together, as the reference render. */
const CLIPS = [
  { start: 4.0, end: 24.5 },
  { start: 30.0, end: 48.0 },
  { start: 52.0, end: 71.5 },
  { start: 80.0, end: 98.0 },
  { start: 101.0, end: 119.5 },
];

function buildSource() {
  const file = path.join(WORK, 'source-2min.mp4');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(WORK, { recursive: true });
  execFileSync(ffmpeg, ['-v', 'error', '-y',
    '-stream_loop', '-1', '-i', path.join(CORPUS, 'video', 'liveportrait_s18_16x9.mp4'),
    '-i', path.join(CORPUS, 'speech', 'resemblyzer_hotones_interview.mp3'),
    '-map', '0:v:0', '-map', '1:a:0', '-t', '125',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-c:a', 'aac', '-b:a', '128k', file]); // prettier-ignore
  return file;
}

function wordsOf(source) {
  const cache = path.join(WORK, 'words.json');
  if (fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, 'utf8'));
  const cli = path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
  const out = execFileSync(
    process.execPath,
    [cli, 'transcribe', source, '--json', '--language', 'en'],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const words = JSON.parse(out).words.map((w) => ({ text: w.text, start: w.start, end: w.end }));
  fs.writeFileSync(cache, JSON.stringify(words));
  return words;
}

/** A 9:16 window of the 1280×720 source swaying left and right, one keyframe a second. */
function swayingCrop(duration) {
  const width = 404;
  const keyframes = [];
  for (let t = 0; t <= duration + 1e-6; t += 1)
    keyframes.push({ t, x: Math.round(438 + 300 * Math.sin(t / 2)), y: 0, width, height: 720 });
  return { sourceWidth: 1280, sourceHeight: 720, keyframes };
}

const stillCrop = () => ({
  sourceWidth: 1280,
  sourceHeight: 720,
  keyframes: [{ t: 0, x: 438, y: 0, width: 404, height: 720 }],
});

module.exports = { CLIPS, WORK, buildSource, wordsOf, swayingCrop, stillCrop };
