import { MediaError } from './media.errors';
import type { MediaProbe } from './probe';

/** What one job may ask of the machine, judged from the probe before any decoding. */
export interface MediaLimits {
  maxDurationSec: number;
  minVideoSide: number;
  maxVideoSide: number;
  maxFrameRate: number;
  maxStreams: number;
}

/**
 * Throws a MediaError naming the first limit a probed file breaks. A few megabytes can describe
 * ten hours of 16×16 video; decoding cost follows duration, size and rate, not upload bytes.
 */
export function assertWithinLimits(probe: MediaProbe, limits: MediaLimits): void {
  if (probe.durationSec > limits.maxDurationSec) {
    throw new MediaError(
      'MEDIA_TOO_LONG',
      `the media lasts ${Math.round(probe.durationSec)} s; the limit is ${limits.maxDurationSec} s`,
      { durationSec: probe.durationSec, limitSec: limits.maxDurationSec },
    );
  }
  if (probe.video) {
    const { width, height, fps } = probe.video;
    if (
      Math.min(width, height) < limits.minVideoSide ||
      Math.max(width, height) > limits.maxVideoSide
    ) {
      throw new MediaError(
        'MEDIA_RESOLUTION_UNSUPPORTED',
        `the video is ${width}×${height}; each side must be between ${limits.minVideoSide} and ${limits.maxVideoSide} px`,
        { width, height, minSide: limits.minVideoSide, maxSide: limits.maxVideoSide },
      );
    }
    if (!(fps > 0) || fps > limits.maxFrameRate) {
      throw new MediaError(
        'MEDIA_FRAME_RATE_UNSUPPORTED',
        `the video runs at ${fps} fps; the limit is ${limits.maxFrameRate} fps`,
        { fps, limitFps: limits.maxFrameRate },
      );
    }
  }
  if (probe.streamCount > limits.maxStreams) {
    throw new MediaError(
      'MEDIA_TOO_MANY_STREAMS',
      `the file has ${probe.streamCount} streams; the limit is ${limits.maxStreams}`,
      { streams: probe.streamCount, limit: limits.maxStreams },
    );
  }
}
