import { planCameraPath, type Window } from './camera/camera-path';
import { planSplits } from './camera/split-layout';
import { centerCropWindow } from './center-crop.framing';
import type { CropPath, FramingLayout, StoredTrack } from './crop-path';
import type { AnalysedFrame } from './faces/face.types';
import { detectShots, type Shot } from './shots/shot-cuts';
import { chooseSpeakers, speakingScores } from './speaker/active-speaker';
import { speechActivity, timeGrid, type TimedSpan } from './speaker/speech-activity';
import { buildTracks, type FaceTrack } from './tracks/face-tracks';

export interface FramingPlanInput {
  frames: AnalysedFrame[];
  fps: number;
  sourceWidth: number;
  sourceHeight: number;
  duration: number;
  layout: FramingLayout;
  /** Words in clip time. */
  words: TimedSpan[];
}

/** A shot is shown whole (`fit`) when a face is seen in fewer of its frames than this. */
const MIN_FACE_COVERAGE = 0.3;
/** Grid step, seconds, of the speaker decisions and the camera path. */
const STEP = 0.2;

/** Shots in which faces are too rare to follow: slides, cartoons, empty rooms. */
export function facelessShots(shots: Shot[], frames: AnalysedFrame[], tracks: FaceTrack[]) {
  return shots.filter((shot, i) => {
    const inShot = frames.filter((f) => f.faces && f.t >= shot.start && f.t < shot.end);
    const seen = new Set(
      tracks.filter((tr) => tr.shot === i).flatMap((tr) => tr.points.map((p) => p.t)),
    );
    return !inShot.length || seen.size / inShot.length < MIN_FACE_COVERAGE;
  });
}

function storedTracks(tracks: FaceTrack[], minPoints: number): StoredTrack[] {
  return tracks
    .filter((tr) => tr.points.length >= minPoints)
    .map((tr) => {
      const boxes: StoredTrack['boxes'] = [];
      for (const p of tr.points) {
        if (boxes.length && p.t - boxes[boxes.length - 1].t < 0.5) continue;
        const half = p.size / 2;
        const r = Math.round;
        boxes.push({
          t: p.t,
          x: r(p.cx - half),
          y: r(p.cy - half),
          width: r(p.size),
          height: r(p.size),
        });
      }
      return { id: tr.id, shot: tr.shot, boxes };
    });
}

/**
 * From sampled frames to one crop path per aspect ratio. What the picture holds is worked out
 * once — shots → face tracks → who speaks (mouth motion against the words) → faceless shots —
 * then each aspect gets its camera per speaker turn, faceless shots shown whole and shots where
 * two people talk in turn shown as stacked halves.
 */
export function planFramings(input: FramingPlanInput, aspects: number[]): CropPath[] {
  const { frames, sourceWidth, sourceHeight, duration, layout } = input;
  const shots = detectShots(
    frames.map((f) => f.t),
    frames.map((f) => f.histogram),
    duration,
  );
  // A face seen in a single sample is more likely a false detection than a person.
  const tracks = buildTracks(frames, shots, sourceHeight).filter((tr) => tr.points.length >= 2);
  tracks.forEach((tr, i) => (tr.id = i));
  const times = timeGrid(0, duration, STEP);
  const speech = speechActivity(input.words, times);
  const turns = chooseSpeakers(tracks, times, speakingScores(tracks, times, speech));
  const fit =
    layout === 'fit'
      ? [{ start: 0, end: duration }]
      : facelessShots(shots, frames, tracks).map((s) => ({ start: s.start, end: s.end }));
  const whole = fit.length === 1 && fit[0].start <= 0 && fit[0].end >= duration;
  const examined = frames.filter((f) => f.faces).map((f) => f.t);
  const source = { width: sourceWidth, height: sourceHeight };
  const analysis = {
    sampledFrames: frames.length,
    fps: input.fps,
    shots,
    tracks: storedTracks(tracks, 2),
    speakers: turns,
  };
  return aspects.map((aspect): CropPath => {
    const base = centerCropWindow(sourceWidth, sourceHeight, aspect);
    const win: Window = { sourceWidth, sourceHeight, width: base.width, height: base.height };
    // Halves of a wide output would be slivers: split is for square and tall outputs.
    const splitting = (layout === 'auto' || layout === 'split') && aspect <= 1;
    const split = splitting
      ? planSplits(shots, tracks, turns, examined, aspect * 2, source, layout === 'split')
      : [];
    const keyframes = whole
      ? [{ t: 0, ...base }]
      : planCameraPath(turns, tracks, win, { step: STEP });
    return {
      sourceWidth,
      sourceHeight,
      keyframes,
      ...(fit.length ? { fit } : {}),
      ...(split.length ? { split } : {}),
      analysis,
    };
  });
}
