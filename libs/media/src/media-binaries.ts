import type { MediaConfig } from '@app/config';

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * ffmpeg/ffprobe from config, else the static builds shipped by the npm installer packages —
 * each looked up when first used, so a process that only probes (the API image) needs no ffmpeg.
 */
export function resolveMediaBinaries(config: MediaConfig = {}): MediaBinaries {
  return {
    get ffmpeg() {
      return config.ffmpegPath ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    },
    get ffprobe() {
      return config.ffprobePath ?? (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    },
  };
}
