import { assertUsableVideo, parseProbe } from './probe';
import { parseFfmpegTime } from './extract-audio';

const probeJson = (
  streams: object[],
  format: object = { duration: '12.5', format_name: 'mov,mp4' },
) => JSON.stringify({ streams, format });

describe('parseProbe', () => {
  it('reads video and audio stream facts', () => {
    const p = parseProbe(
      probeJson([
        {
          codec_type: 'video',
          codec_name: 'h264',
          width: 1280,
          height: 720,
          avg_frame_rate: '30000/1001',
        },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ]),
    );
    expect(p.durationSec).toBe(12.5);
    expect(p.video).toMatchObject({ codec: 'h264', width: 1280, height: 720, fps: 30 });
    expect(p.audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(() => assertUsableVideo(p)).not.toThrow();
  });

  it('swaps width and height for rotated phone video', () => {
    const p = parseProbe(
      probeJson([{ codec_type: 'video', width: 1920, height: 1080, tags: { rotate: '90' } }]),
    );
    expect(p.video).toMatchObject({ width: 1080, height: 1920 });
  });

  it('rejects audio-only files and cover art', () => {
    const p = parseProbe(
      probeJson([
        { codec_type: 'audio', codec_name: 'mp3' },
        {
          codec_type: 'video',
          codec_name: 'mjpeg',
          width: 500,
          height: 500,
          disposition: { attached_pic: 1 },
        },
      ]),
    );
    expect(() => assertUsableVideo(p)).toThrow(expect.objectContaining({ code: 'MEDIA_NO_VIDEO' }));
  });

  it('rejects silent video', () => {
    const p = parseProbe(probeJson([{ codec_type: 'video', width: 640, height: 360 }]));
    expect(() => assertUsableVideo(p)).toThrow(expect.objectContaining({ code: 'MEDIA_NO_AUDIO' }));
  });

  it('treats garbage as invalid media', () => {
    expect(() => parseProbe('not json')).toThrow(
      expect.objectContaining({ code: 'MEDIA_INVALID' }),
    );
  });
});

describe('parseFfmpegTime', () => {
  it('parses ffmpeg stats lines', () => {
    expect(parseFfmpegTime('size= 1kB time=00:01:02.50 bitrate=')).toBeCloseTo(62.5);
    expect(parseFfmpegTime('no time here')).toBeNull();
  });
});
