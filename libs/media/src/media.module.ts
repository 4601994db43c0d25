import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { mediaConfig } from '@app/config';
import { resolveMediaBinaries } from './media-binaries';

/** Injection token for the resolved ffmpeg/ffprobe paths. */
export const MEDIA_BINARIES = Symbol('MEDIA_BINARIES');

@Module({
  providers: [
    {
      provide: MEDIA_BINARIES,
      inject: [mediaConfig.KEY],
      useFactory: (m: ConfigType<typeof mediaConfig>) => resolveMediaBinaries(m),
    },
  ],
  exports: [MEDIA_BINARIES],
})
export class MediaModule {}
