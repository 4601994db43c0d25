import { assertWithinLimits, MediaLimits } from './media-limits';
import type { MediaProbe } from './probe';

const limits: MediaLimits = {
  maxDurationSec: 3600,
  minVideoSide: 32,
  maxVideoSide: 4096,
  maxFrameRate: 120,
  maxStreams: 4,
};

const probe = (over: Partial<MediaProbe> = {}, video: Partial<MediaProbe['video']> = {}) =>
  ({
    durationSec: 60,
    formatName: 'mp4',
    sizeBytes: 1000,
    streamCount: 2,
    video: { codec: 'h264', width: 1280, height: 720, fps: 30, rotation: 0, ...video },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    ...over,
  }) as MediaProbe;

const codeOf = (p: MediaProbe) => {
  try {
    assertWithinLimits(p, limits);
    return null;
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('assertWithinLimits', () => {
  it('accepts an ordinary video', () => {
    expect(codeOf(probe())).toBeNull();
  });

  it('rejects ten hours of tiny video before any decoding', () => {
    expect(codeOf(probe({ durationSec: 36_000 }, { width: 16, height: 16 }))).toBe(
      'MEDIA_TOO_LONG',
    );
  });

  it('rejects 1×1 and oversized frames', () => {
    expect(codeOf(probe({}, { width: 1, height: 1 }))).toBe('MEDIA_RESOLUTION_UNSUPPORTED');
    expect(codeOf(probe({}, { width: 8000, height: 720 }))).toBe('MEDIA_RESOLUTION_UNSUPPORTED');
  });

  it('rejects absurd or missing frame rates', () => {
    expect(codeOf(probe({}, { fps: 100_000 }))).toBe('MEDIA_FRAME_RATE_UNSUPPORTED');
    expect(codeOf(probe({}, { fps: 0 }))).toBe('MEDIA_FRAME_RATE_UNSUPPORTED');
  });

  it('rejects files with too many streams', () => {
    expect(codeOf(probe({ streamCount: 9 }))).toBe('MEDIA_TOO_MANY_STREAMS');
  });
});
