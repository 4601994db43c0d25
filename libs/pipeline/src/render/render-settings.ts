import { Logger } from '@nestjs/common';
import type { RenderConfig } from '@app/config';
import { MediaBinaries, probeFfmpegCapabilities } from '@app/media';
import { HARDWARE_ENCODERS, VideoEncoder, X264 } from '@app/rendering';

export interface RenderSettings {
  encoder: VideoEncoder;
  /** Renditions encoded at once. */
  concurrency: number;
  /** Render clips while later ones are framed. */
  whileFraming: boolean;
}

export const RENDER_SETTINGS = Symbol('RENDER_SETTINGS');

/**
 * The start-up check: says whether the ffmpeg in use has libx264, libass and loudnorm, and picks
 * the encoder (a working hardware one for `auto`, else x264). Without libx264 and no hardware
 * encoder nothing can be rendered, so start-up fails with the reason.
 */
export async function resolveRenderSettings(
  binaries: MediaBinaries,
  config: RenderConfig,
): Promise<RenderSettings> {
  const logger = new Logger('Render');
  const caps = await probeFfmpegCapabilities(binaries.ffmpeg);
  const yes = (v: boolean) => (v ? 'yes' : 'NO');
  logger.log(
    `ffmpeg ${binaries.ffmpeg}: libx264 ${yes(caps.libx264)}, libass ${yes(caps.libass)}, ` +
      `loudnorm ${yes(caps.loudnorm)}, hardware H.264: ${caps.hardwareEncoders.join(', ') || 'none'}`,
  );
  if (!caps.libass) logger.error('this ffmpeg has no libass: captions cannot be burned in');
  if (!caps.loudnorm) logger.error('this ffmpeg has no loudnorm: clips cannot be normalised');
  const wanted =
    config.encoder === 'auto'
      ? HARDWARE_ENCODERS.find((e) => caps.hardwareEncoders.includes(e.name))
      : [X264, ...HARDWARE_ENCODERS].find((e) => e.name === config.encoder);
  const usable = (e: VideoEncoder | undefined) =>
    e && (e.name === X264.name ? caps.libx264 : caps.hardwareEncoders.includes(e.name));
  const encoder = usable(wanted) ? wanted! : caps.libx264 ? X264 : undefined;
  if (!encoder)
    throw new Error(
      `ffmpeg at ${binaries.ffmpeg} has neither libx264 nor a working hardware H.264 encoder`,
    );
  if (config.encoder !== 'auto' && encoder.name !== config.encoder)
    logger.warn(
      `RENDER_ENCODER=${config.encoder} does not work with this ffmpeg: using ${encoder.name}`,
    );
  logger.log(
    `rendering with ${encoder.name}, ${config.concurrency} rendition(s) at a time` +
      (config.whileFraming ? ', while later clips are framed' : ''),
  );
  return { encoder, concurrency: config.concurrency, whileFraming: config.whileFraming };
}
