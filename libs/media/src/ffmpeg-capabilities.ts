import { runProcess } from './process/run-process';

/** What the ffmpeg in use can do that rendering depends on. */
export interface FfmpegCapabilities {
  libx264: boolean;
  /** The `ass` filter (libass): burned-in captions. */
  libass: boolean;
  loudnorm: boolean;
  /** Hardware H.264 encoders that are compiled in and encoded a test frame here. */
  hardwareEncoders: string[];
}

// VAAPI is left out: it needs frames uploaded to the device, a different graph.
const HARDWARE = ['h264_nvenc', 'h264_qsv', 'h264_videotoolbox'];

const listed = (text: string, name: string) =>
  new RegExp(`^\\s*\\S+\\s+${name}\\s`, 'm').test(text);

/**
 * Asks ffmpeg for its encoders and filters, and tries each hardware encoder it lists on one tiny
 * frame (a build may list NVENC on a machine without the GPU).
 */
export async function probeFfmpegCapabilities(ffmpeg: string): Promise<FfmpegCapabilities> {
  const ask = async (what: string) => (await runProcess(ffmpeg, ['-hide_banner', what], {})).stdout;
  const [encoders, filters] = [await ask('-encoders'), await ask('-filters')];
  const hardwareEncoders: string[] = [];
  for (const name of HARDWARE.filter((h) => listed(encoders, h))) {
    const works = await runProcess(ffmpeg, [
      '-hide_banner',
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=s=256x256:d=0.1',
      '-frames:v',
      '1',
      '-c:v',
      name,
      '-f',
      'null',
      '-',
    ]).then(
      () => true,
      () => false,
    );
    if (works) hardwareEncoders.push(name);
  }
  return {
    libx264: listed(encoders, 'libx264'),
    libass: listed(filters, 'ass'),
    loudnorm: listed(filters, 'loudnorm'),
    hardwareEncoders,
  };
}
