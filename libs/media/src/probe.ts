import { MediaError } from './media.errors';
import { assertWithinLimits, MediaLimits } from './media-limits';
import { runProcess } from './process/run-process';

export interface MediaProbe {
  durationSec: number;
  formatName: string;
  sizeBytes: number;
  /** Every stream in the container (video, audio, subtitles, data). */
  streamCount: number;
  video?: { codec: string; width: number; height: number; fps: number; rotation: number };
  audio?: { codec: string; sampleRate: number; channels: number };
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

const parseRate = (rate?: string): number => {
  if (!rate) return 0;
  const [num, den] = rate.split('/').map(Number);
  return den ? num / den : num || 0;
};

/** Turns ffprobe's JSON into what clipgen needs; exported for unit tests. */
export function parseProbe(json: string): MediaProbe {
  let data: {
    streams?: FfprobeStream[];
    format?: { duration?: string; format_name?: string; size?: string };
  };
  try {
    data = JSON.parse(json);
  } catch {
    throw new MediaError('MEDIA_INVALID', 'ffprobe returned unreadable output');
  }
  const streams = data.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  const duration = Number(data.format?.duration ?? v?.duration ?? a?.duration ?? 0);
  const rotation = Math.abs(
    Number(
      v?.tags?.rotate ?? v?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0,
    ),
  );
  const swap = rotation === 90 || rotation === 270;
  return {
    durationSec: Number.isFinite(duration) ? duration : 0,
    formatName: data.format?.format_name ?? 'unknown',
    sizeBytes: Number(data.format?.size ?? 0),
    streamCount: streams.length,
    video: v && {
      codec: v.codec_name ?? 'unknown',
      width: (swap ? v.height : v.width) ?? 0,
      height: (swap ? v.width : v.height) ?? 0,
      fps: Math.round(parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate)) || 0,
      rotation,
    },
    audio: a && {
      codec: a.codec_name ?? 'unknown',
      sampleRate: Number(a.sample_rate ?? 0),
      channels: a.channels ?? 0,
    },
  };
}

export async function probeMedia(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
): Promise<MediaProbe> {
  try {
    const { stdout } = await runProcess(
      ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { signal, timeoutMs: 60_000 },
    );
    return parseProbe(stdout);
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw new MediaError('MEDIA_INVALID', 'the file is not a readable audio/video container');
  }
}

/** Throws a MediaError unless the probe describes a usable video with sound. */
export function assertUsableVideo(probe: MediaProbe): asserts probe is Required<MediaProbe> {
  if (!probe.video || probe.video.width <= 0 || probe.video.height <= 0) {
    throw new MediaError('MEDIA_NO_VIDEO', 'the file has no video stream');
  }
  if (!probe.audio) throw new MediaError('MEDIA_NO_AUDIO', 'the video has no audio stream');
  for (const [kind, codec] of [
    ['video', probe.video.codec],
    ['audio', probe.audio.codec],
  ]) {
    if (codec === 'unknown' || codec === 'none')
      throw new MediaError(
        'MEDIA_CODEC_UNSUPPORTED',
        `the ${kind} codec is not one ffmpeg decodes`,
      );
  }
  if (!(probe.durationSec > 0.5)) {
    throw new MediaError('MEDIA_INVALID', 'the video is shorter than half a second or unreadable');
  }
}

/** What clipgen records about a source video. */
export interface SourceMetadata {
  durationSec: number;
  width: number;
  height: number;
  fps: number;
  videoCodec: string;
  audioCodec: string;
  sizeBytes: number;
  formatName: string;
}

/** Probes a local file and returns its metadata, or throws a MediaError if it is no usable video. */
export async function inspectVideo(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
  limits?: MediaLimits,
): Promise<SourceMetadata> {
  const probe = await probeMedia(ffprobe, file, signal);
  assertUsableVideo(probe);
  if (limits) assertWithinLimits(probe, limits);
  return {
    durationSec: probe.durationSec,
    width: probe.video.width,
    height: probe.video.height,
    fps: probe.video.fps,
    videoCodec: probe.video.codec,
    audioCodec: probe.audio.codec,
    sizeBytes: probe.sizeBytes,
    formatName: probe.formatName,
  };
}
