import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.validation';

export interface RenderConfig {
  /** Renditions encoded at once. 1 measured fastest on 2 cores (x264 already uses every core). */
  concurrency: number;
  /** 'auto' takes a hardware H.264 encoder when the ffmpeg in use has one that works, else libx264. */
  encoder: 'auto' | 'libx264' | 'h264_nvenc' | 'h264_qsv' | 'h264_videotoolbox';
}

export const renderConfig = registerAs('render', (): RenderConfig => {
  const e = validateEnv(process.env) as Record<string, never>;
  return { concurrency: e.RENDER_CONCURRENCY, encoder: e.RENDER_ENCODER };
});
