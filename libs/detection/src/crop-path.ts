import type { SplitStretch } from './camera/split-layout';
import type { Shot } from './shots/shot-cuts';
import type { SpeakerTurn } from './speaker/active-speaker';
import type { TimedSpan } from './speaker/speech-activity';

/** A crop window in source pixels at time `t` (seconds from the clip start). */
export interface CropKeyframe {
  t: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How the picture is composed: a crop that follows the speaker, two people stacked, or the whole
 * frame fitted in; `auto` picks per shot.
 */
export const FRAMING_LAYOUTS = ['auto', 'follow', 'split', 'fit'] as const;
export type FramingLayout = (typeof FRAMING_LAYOUTS)[number];

/** A face track as stored for re-editing: its box every half second while it is seen. */
export interface StoredTrack {
  id: number;
  shot: number;
  boxes: { t: number; x: number; y: number; width: number; height: number }[];
}

/** What the analysis saw, kept with the path so integrators can re-edit elsewhere. */
export interface FramingAnalysis {
  sampledFrames: number;
  fps: number;
  shots: Shot[];
  tracks: StoredTrack[];
  /** Which track the camera shows when (null: no face). */
  speakers: SpeakerTurn[];
}

/**
 * How a clip is cut out of the source frame over time: the window moves linearly between
 * keyframes (two keyframes 1 ms apart are a hard cut); during `fit` stretches the whole frame
 * is shown over a blurred copy of itself instead. One keyframe and no fit means a fixed crop.
 */
export interface CropPath {
  sourceWidth: number;
  sourceHeight: number;
  keyframes: CropKeyframe[];
  fit?: TimedSpan[];
  /** Stretches shown as two stacked halves, one face each (tall outputs only). */
  split?: SplitStretch[];
  analysis?: FramingAnalysis;
}

export interface FramingRequest {
  sourcePath: string;
  sourceWidth: number;
  sourceHeight: number;
  start: number;
  end: number;
  /** Target aspect as width / height, e.g. 9/16. */
  aspect: number;
  layout?: FramingLayout;
  /** Spoken words (source time), the audio half of finding who speaks. */
  words?: TimedSpan[];
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Port: decides where the crop window sits. */
export abstract class FramingStrategy {
  abstract readonly name: string;
  abstract plan(request: FramingRequest): Promise<CropPath>;

  /** One path per aspect ratio (width / height); adapters that look at the picture look once. */
  async planEach(request: FramingRequest, aspects: number[]): Promise<CropPath[]> {
    const paths: CropPath[] = [];
    for (const aspect of aspects) paths.push(await this.plan({ ...request, aspect }));
    return paths;
  }
}
