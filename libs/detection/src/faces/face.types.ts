/** One face found in one sampled frame, in source pixels. */
export interface DetectedFace {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  /** Inner-lip gap over mouth width (≈0 closed, 0.05–0.25 speaking); null without lip points. */
  mouthOpen: number | null;
  /** Lid gap over eye width, both eyes averaged (≈0.05 shut, 0.2–0.35 open); null without mesh. */
  eyesOpen?: number | null;
}

/** What the analysis keeps of one sampled frame. */
export interface AnalysedFrame {
  /** Seconds from the clip start. */
  t: number;
  /** Absent when the frame was not searched for faces (see AdaptiveSampler). */
  faces?: DetectedFace[];
  /** Normalised colour histogram, for shot-cut detection. */
  histogram: number[];
}
