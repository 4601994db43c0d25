import { Injectable, Logger } from '@nestjs/common';
import { CenterCropFraming } from './center-crop.framing';
import { CropPath, FramingRequest, FramingStrategy } from './crop-path';
import { FaceAnalyzer } from './faces/face-analyzer';
import type { AnalysedFrame } from './faces/face.types';
import { planFramings } from './framing-plan';

/** Sampled frames per second: enough for mouth motion, cheap enough for long clips. */
export const ANALYSIS_FPS = 6;

/**
 * The virtual camera operator: looks (faces, shots) and listens (the words) to frame whoever
 * speaks. If the analysis itself fails, the clip falls back to a centre crop rather than fail
 * the job — a clip framed plainly is better than no clip — and the reason is logged.
 */
@Injectable()
export class ActiveSpeakerFraming extends FramingStrategy {
  readonly name = 'active-speaker';
  private readonly logger = new Logger(ActiveSpeakerFraming.name);
  private readonly fallback = new CenterCropFraming();

  constructor(private readonly analyzer: FaceAnalyzer) {
    super();
  }

  async plan(req: FramingRequest): Promise<CropPath> {
    return (await this.planEach(req, [req.aspect]))[0];
  }

  override async planEach(req: FramingRequest, aspects: number[]): Promise<CropPath[]> {
    const layout = req.layout ?? 'auto';
    const duration = Math.max(0.1, req.end - req.start);
    const words = (req.words ?? [])
      .filter((w) => w.end > req.start && w.start < req.end)
      .map((w) => ({ start: w.start - req.start, end: w.end - req.start }));
    const plan = (frames: AnalysedFrame[], fps: number) =>
      planFramings({ ...req, frames, fps, duration, layout, words }, aspects);
    if (layout === 'fit') return plan([], 0);
    try {
      return plan(await this.analyzer.analyse({ ...req, fps: ANALYSIS_FPS }), ANALYSIS_FPS);
    } catch (err) {
      if (req.signal?.aborted) throw err;
      this.logger.warn(`face analysis failed, centre crop instead: ${(err as Error).message}`);
      return this.fallback.planEach(req, aspects);
    }
  }
}
