import { probeFfmpegCapabilities, resolveMediaBinaries } from '@app/media';

describe('ffmpeg capabilities (the start-up check)', () => {
  it('finds libx264, libass and loudnorm in the bundled ffmpeg', async () => {
    const caps = await probeFfmpegCapabilities(resolveMediaBinaries().ffmpeg);
    expect(caps).toMatchObject({ libx264: true, libass: true, loudnorm: true });
    // Only encoders that encoded a test frame here are offered (none on a machine without a GPU).
    for (const name of caps.hardwareEncoders)
      expect(['h264_nvenc', 'h264_qsv', 'h264_videotoolbox']).toContain(name);
  }, 30_000);
});
