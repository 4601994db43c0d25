/** Scores for bench:reframe, computed from a clip's crop path at the output frame rate. */

const OUTPUT_FPS = 30;

/** The crop window at t, moving linearly between keyframes as the render does. */
function windowAt(keys, t) {
  if (t <= keys[0].t) return keys[0];
  for (let i = 0; i + 1 < keys.length; i++) {
    const [a, b] = [keys[i], keys[i + 1]];
    if (t < b.t) {
      const k = b.t > a.t ? (t - a.t) / (b.t - a.t) : 1;
      return { ...a, x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
  }
  return keys[keys.length - 1];
}

const frameTimes = (duration) =>
  Array.from({ length: Math.floor(duration * OUTPUT_FPS) }, (_, i) => i / OUTPUT_FPS);

const contains = (w, p) => p.cx >= w.x && p.cx <= w.x + w.width && p.cy >= w.y && p.cy <= w.y + w.height;

/** Share of frames whose crop holds the face centre, and with the face in its upper half. */
function faceInCrop(crop, duration, faceAt) {
  let inside = 0;
  let upper = 0;
  const times = frameTimes(duration);
  for (const t of times) {
    const w = windowAt(crop.keyframes, t);
    const f = faceAt(t);
    if (contains(w, f)) inside++;
    if (contains(w, f) && f.cy - w.y <= w.height / 2) upper++;
  }
  return { faceInCrop: inside / times.length, faceInUpperHalf: upper / times.length };
}

/** Mean crop-centre motion per output frame, in pixels of a 1080-wide output. */
function motionPerFrame(crop, duration) {
  const times = frameTimes(duration);
  let sum = 0;
  let prev = null;
  for (const t of times) {
    const w = windowAt(crop.keyframes, t);
    const c = { x: w.x + w.width / 2, y: w.y + w.height / 2 };
    if (prev) sum += Math.hypot(c.x - prev.x, c.y - prev.y) * (1080 / w.width);
    prev = c;
  }
  return times.length > 1 ? sum / (times.length - 1) : 0;
}

/**
 * Two speakers: share of frames showing the one speaking (outside the first second after each
 * turn change), delay from each change to the camera on the new speaker, and switch spacing.
 */
function followsSpeaker(crop, input) {
  const times = frameTimes(input.duration);
  const speakerAt = (t) => [...input.changes].reverse().find((c) => c.at <= t + 1e-9).who;
  let counted = 0;
  let shown = 0;
  const onWho = times.map((t) => {
    const w = windowAt(crop.keyframes, t);
    return input.centres.findIndex((c) => contains(w, c));
  });
  times.forEach((t, i) => {
    if (input.changes.some((c) => c.at > 0 && t >= c.at && t < c.at + 1)) return;
    counted++;
    if (onWho[i] === speakerAt(t)) shown++;
  });
  const delays = input.changes
    .filter((c) => c.at > 0)
    .map((c) => {
      const i = times.findIndex((t, j) => t >= c.at && onWho[j] === c.who);
      return i < 0 ? null : Math.round((times[i] - c.at) * 100) / 100;
    });
  const switches = [];
  for (let i = 1; i < times.length; i++)
    if (onWho[i] !== onWho[i - 1] && onWho[i] >= 0) switches.push(times[i]);
  const gaps = switches.slice(1).map((t, i) => t - switches[i]);
  return {
    speakerShown: counted ? shown / counted : 0,
    switchDelaysSec: delays,
    maxSwitchDelaySec: delays.some((d) => d === null) ? null : Math.max(...delays),
    switches: switches.length,
    minSwitchGapSec: gaps.length ? Math.round(Math.min(...gaps) * 100) / 100 : null,
  };
}

/** Camera changes per second: how much a crowd makes it thrash. */
function cutsPerSecond(crop, duration) {
  let cuts = 0;
  for (let i = 1; i < crop.keyframes.length; i++)
    if (crop.keyframes[i].t - crop.keyframes[i - 1].t < 0.01) cuts++;
  return cuts / duration;
}

/** `auto` on two people talking in turn: the share of the clip split, with each face in its half. */
function splitShowsBoth(crop, input) {
  const times = frameTimes(input.duration);
  const [left, right] = input.centres;
  let both = 0;
  for (const t of times) {
    const s = (crop.split ?? []).find((x) => t >= x.start && t < x.end);
    if (s && contains(s.top, left) && contains(s.bottom, right)) both++;
  }
  return { splitStretches: (crop.split ?? []).length, bothShown: both / times.length };
}

module.exports = {
  splitShowsBoth, faceInCrop, motionPerFrame, followsSpeaker, cutsPerSecond, windowAt };
