/**
 * The long talking-head input the pipeline benchmarks share: a 16:9 speaker clip looped under a
 * real 2-minute interview looped, built once from corpus media into bench-results/.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const OUT_DIR = path.join(ROOT, 'bench-results');
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;

function buildBenchInput(minutes) {
  const file = path.join(OUT_DIR, `bench-input-${minutes}min.mp4`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  console.error(`[bench] building a ${minutes}-minute input from corpus media…`);
  execFileSync(ffmpeg, ['-v', 'error', '-y',
    '-stream_loop', '-1', '-i', path.join(CORPUS, 'video', 'liveportrait_s18_16x9.mp4'),
    '-stream_loop', '-1', '-i', path.join(CORPUS, 'speech', 'resemblyzer_hotones_interview.mp3'),
    '-map', '0:v:0', '-map', '1:a:0', '-t', String(minutes * 60),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-c:a', 'aac', '-b:a', '128k', file]); // prettier-ignore
  return file;
}

module.exports = { buildBenchInput, OUT_DIR, ROOT };
