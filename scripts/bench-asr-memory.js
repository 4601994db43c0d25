#!/usr/bin/env node
/**
 * Memory of transcription against input length: builds 10- and 60-minute recordings from corpus
 * speech (a real 2-minute interview, looped), transcribes each with the CLI (`clipgen transcribe`,
 * the same engine the worker runs: Silero VAD, whisper.cpp chunks, forced alignment), and samples
 * the RSS of the Node process and of its whole process tree every 200 ms. Flat memory means the
 * 60-minute peak is about the 10-minute one. Writes bench-results/asr-memory.json.
 * Usage: npm run bench:asr-memory [-- --minutes 10,60]
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { treeRss } = require('./lib/process-rss');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const OUT_DIR = path.join(ROOT, 'bench-results');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const lengths = arg('--minutes', '10,60').split(',').map(Number);
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

function buildInput(minutes) {
  const file = path.join(OUT_DIR, `speech-${minutes}min.m4a`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-stream_loop', '-1',
    '-i', path.join(CORPUS, 'speech', 'resemblyzer_hotones_interview.mp3'),
    '-t', String(minutes * 60), '-ac', '1', '-c:a', 'aac', '-b:a', '64k', file]);
  return file;
}

function transcribe(input) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const out = fs.createWriteStream(path.join(os.tmpdir(), `clipgen-bench-memory-${process.pid}.json`));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), 'transcribe', '--json', '-l', 'en', input], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.pipe(out);
    const peak = { node: 0, tree: 0 };
    const samples = [];
    const sampler = setInterval(() => {
      const r = treeRss(child.pid);
      peak.node = Math.max(peak.node, r.self);
      peak.tree = Math.max(peak.tree, r.total);
      samples.push(r.self);
    }, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`transcribe exited with ${code}`));
      out.close(() => {
        const result = JSON.parse(fs.readFileSync(out.path, 'utf8'));
        fs.rmSync(out.path, { force: true });
        resolve({ wallSec: (Date.now() - t0) / 1000, peak, samples, result });
      });
    });
  });
}

async function main() {
  if (!fs.existsSync(path.join(CORPUS, 'speech'))) throw new Error(`no corpus at ${CORPUS}`);
  const runs = [];
  for (const minutes of lengths) {
    const input = buildInput(minutes);
    console.error(`[bench] transcribing ${minutes} min of speech…`);
    const { wallSec, peak, samples, result } = await transcribe(input);
    const sorted = [...samples].sort((a, b) => a - b);
    runs.push({
      minutes,
      wallSec: Math.round(wallSec),
      speedVsRealTime: Number(((minutes * 60) / wallSec).toFixed(2)),
      words: result.words.length,
      lastWordSec: result.words.length ? result.words[result.words.length - 1].end : 0,
      speechDetection: result.speechDetection,
      wordTiming: result.wordTiming,
      peakRssMiB: { node: mb(peak.node), withChildren: mb(peak.tree) },
      medianNodeRssMiB: mb(sorted[Math.floor(sorted.length / 2)] ?? 0),
    });
    console.error(`[bench] ${JSON.stringify(runs[runs.length - 1])}`);
  }
  const report = { date: new Date().toISOString(), cores: os.cpus().length, runs };
  if (runs.length > 1)
    report.peakNodeRatioLongestToShortest = Number((runs[runs.length - 1].peakRssMiB.node / runs[0].peakRssMiB.node).toFixed(2));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'asr-memory.json'), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(`[bench] FAILED: ${err.message}`);
  process.exit(1);
});
