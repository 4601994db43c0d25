/** A crop window in source pixels at time `t` (seconds from the clip start). */
export interface CropKeyframe {
  t: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a clip is cut out of the source frame over time; one keyframe means a fixed crop. */
export interface CropPath {
  sourceWidth: number;
  sourceHeight: number;
  keyframes: CropKeyframe[];
}

export interface FramingRequest {
  sourcePath: string;
  sourceWidth: number;
  sourceHeight: number;
  start: number;
  end: number;
  /** Target aspect as width / height, e.g. 9/16. */
  aspect: number;
  signal?: AbortSignal;
}

/** Port: decides where the crop window sits. The reframing issue adds a face-tracking adapter. */
export abstract class FramingStrategy {
  abstract readonly name: string;
  abstract plan(request: FramingRequest): Promise<CropPath>;
}
