/**
 * Inputs for bench:reframe with ground truth known by construction (never from our detector):
 * corpus talking heads placed on a 1920×1080 canvas at known positions, and two people side by
 * side taking turns (the one not speaking frozen on a still, the audio of the one speaking).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const VIDEO = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'video');
const CANVAS = { width: 1920, height: 1080 };
const TILE = 560;
const TILE_Y = 140;

const run = (args) => execFileSync(ffmpeg, ['-v', 'error', '-y', ...args]);
const encode = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
  '-r', '25', '-c:a', 'aac', '-ar', '48000', '-ac', '2'];
const background = `color=c=0x556070:s=${CANVAS.width}x${CANVAS.height}:r=25`;

/**
 * One talking head on the canvas; `x` is a constant or an ffmpeg expression of t (moving).
 * Returns the file and the tile's centre over time (the face's known position: these corpus
 * clips are face-centred crops).
 */
function offCentre(dir, name, source, duration, x) {
  const file = path.join(dir, `${name}.mp4`);
  if (!fs.existsSync(file))
    run(['-f', 'lavfi', '-i', `${background}:d=${duration}`, '-stream_loop', '-1', '-i', path.join(VIDEO, source),
      '-filter_complex', `[1:v]scale=${TILE}:${TILE},setsar=1[tile];` +
        `[0:v][tile]overlay=x='${x.expr}':y=${TILE_Y}:shortest=1[v]`,
      '-map', '[v]', '-map', '1:a:0', '-t', String(duration), ...encode, file]);
  return { file, duration, faceAt: (t) => ({ cx: x.at(t) + TILE / 2, cy: TILE_Y + TILE / 2 }) };
}

/** Two people side by side; turns alternate, each turn plays `[from, to)` of its speaker. */
function twoSpeakers(dir, turns) {
  const file = path.join(dir, 'two-speakers.mp4');
  const xs = [240, 1920 - 240 - TILE];
  const people = ['retalking_face_1.mp4', 'sadtalker_WDA_AOC.mp4'];
  if (!fs.existsSync(file)) {
    const parts = [];
    turns.forEach((turn, i) => {
      const still = path.join(dir, `still-${i}.png`);
      const other = 1 - turn.who;
      const lastOther = turns.slice(0, i).reverse().find((t) => t.who === other);
      run(['-ss', String(lastOther ? lastOther.to - 0.05 : 0), '-i', path.join(VIDEO, people[other]),
        '-frames:v', '1', '-vf', `scale=${TILE}:${TILE}`, still]);
      const part = path.join(dir, `turn-${i}.mp4`);
      const len = turn.to - turn.from;
      run(['-f', 'lavfi', '-i', `${background}:d=${len}`,
        '-ss', String(turn.from), '-t', String(len), '-i', path.join(VIDEO, people[turn.who]),
        '-loop', '1', '-t', String(len), '-i', still,
        '-filter_complex', `[1:v]scale=${TILE}:${TILE},setsar=1[live];[2:v]setsar=1[still];` +
          `[0:v][live]overlay=x=${xs[turn.who]}:y=${TILE_Y}[a];` +
          `[a][still]overlay=x=${xs[other]}:y=${TILE_Y}:shortest=1[v]`,
        '-map', '[v]', '-map', '1:a:0', '-t', String(len), ...encode, part]);
      parts.push(part);
    });
    const list = path.join(dir, 'turns.txt');
    fs.writeFileSync(list, parts.map((p) => `file '${p}'`).join('\n'));
    run(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', file]);
  }
  let t = 0;
  const changes = turns.map((turn) => {
    const at = t;
    t += turn.to - turn.from;
    return { at, who: turn.who };
  });
  const centres = xs.map((x) => ({ cx: x + TILE / 2, cy: TILE_Y + TILE / 2 }));
  return { file, duration: t, changes, centres };
}

/** Speech as spans of loud audio (a stand-in for the transcript's words, which say not who). */
function loudSpans(file) {
  const raw = execFileSync(ffmpeg, ['-v', 'error', '-i', file, '-ac', '1', '-ar', '8000', '-f',
    's16le', '-'], { maxBuffer: 1 << 28 });
  const samples = new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
  const frame = 400;
  const levels = [];
  for (let i = 0; i + frame <= samples.length; i += frame) {
    let sum = 0;
    for (let j = i; j < i + frame; j++) sum += samples[j] * samples[j];
    levels.push(10 * Math.log10(sum / frame / 32768 ** 2 + 1e-12));
  }
  const loud = Math.max(...levels);
  const spans = [];
  levels.forEach((db, i) => {
    if (db < loud - 30) return;
    const t = (i * frame) / 8000;
    const last = spans[spans.length - 1];
    if (last && t - last.end < 0.06) last.end = t + frame / 8000;
    else spans.push({ start: t, end: t + frame / 8000 });
  });
  return spans;
}

module.exports = { CANVAS, TILE, offCentre, twoSpeakers, loudSpans, encode };
