import type { MediaConfig } from '@app/config';

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/** ffmpeg/ffprobe from config, else the static builds shipped by the npm installer packages. */
export function resolveMediaBinaries(config: MediaConfig = {}): MediaBinaries {
  return {
    ffmpeg: config.ffmpegPath ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
    ffprobe: config.ffprobePath ?? (require('@ffprobe-installer/ffprobe') as { path: string }).path,
  };
}
