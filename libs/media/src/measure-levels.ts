import { runProcess } from './process/run-process';

export interface LevelProfile {
  /** Seconds per value. */
  frameSec: number;
  /** RMS level of each frame in dBFS (−120 for digital silence). */
  levelsDb: number[];
}

const RATE = 16_000;
const SILENCE_DB = -120;

/**
 * The loudness of a recording over time: RMS level per `frameSec` of mono audio, measured by
 * ffmpeg (astats) in a child process. A few bytes of text per frame come back: 2 hours at half a
 * second a frame is about 1.5 MB, whatever the source's size.
 */
export async function measureLevels(
  ffmpeg: string,
  inputPath: string,
  options: { frameSec?: number; signal?: AbortSignal } = {},
): Promise<LevelProfile> {
  const frameSec = options.frameSec ?? 0.5;
  const samples = Math.round(RATE * frameSec);
  const chain = [
    `aresample=${RATE}`,
    'aformat=channel_layouts=mono',
    `asetnsamples=n=${samples}:p=0`,
    'astats=metadata=1:reset=1',
    'ametadata=mode=print:key=lavfi.astats.Overall.RMS_level:file=-',
  ].join(',');
  const { stdout } = await runProcess(
    ffmpeg,
    [
      '-hide_banner',
      '-nostats',
      '-loglevel',
      'error',
      '-i',
      inputPath,
      '-vn',
      '-af',
      chain,
      '-f',
      'null',
      '-',
    ],
    { signal: options.signal },
  );
  const levelsDb: number[] = [];
  for (const match of stdout.matchAll(/RMS_level=(-?[\d.]+|-?inf)/g)) {
    const db = Number(match[1]);
    levelsDb.push(Number.isFinite(db) ? Math.max(SILENCE_DB, db) : SILENCE_DB);
  }
  return { frameSec, levelsDb };
}
