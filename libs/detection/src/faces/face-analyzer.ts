import { Inject, Injectable } from '@nestjs/common';
import { compiledScript, MEDIA_BINARIES, MediaBinaries, runProcess } from '@app/media';
import { sampleSize } from '../frames/frame-stream';
import type { AnalysedFrame } from './face.types';

export interface FaceAnalysisRequest {
  sourcePath: string;
  sourceWidth: number;
  sourceHeight: number;
  start: number;
  end: number;
  fps: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Port: faces and picture change in each sampled frame of a time range. */
export abstract class FaceAnalyzer {
  abstract analyse(request: FaceAnalysisRequest): Promise<AnalysedFrame[]>;
}

export const analyzerScript = () => compiledScript(__dirname, __filename, 'face-analyzer.main.js');

/** Runs the Human-based analysis in a child Node process, cancellable with the job. */
@Injectable()
export class HumanFaceAnalyzer extends FaceAnalyzer {
  constructor(@Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries) {
    super();
  }

  async analyse(r: FaceAnalysisRequest): Promise<AnalysedFrame[]> {
    const size = sampleSize(r.sourceWidth, r.sourceHeight);
    const total = Math.max(1, Math.round((r.end - r.start) * r.fps));
    const arg = JSON.stringify({
      ffmpeg: this.binaries.ffmpeg,
      sourcePath: r.sourcePath,
      start: r.start,
      end: r.end,
      fps: r.fps,
      ...size,
      sourceWidth: r.sourceWidth,
    });
    const { stdout } = await runProcess(process.execPath, [analyzerScript(), arg], {
      signal: r.signal,
      maxStdoutBytes: 64 * 1024 * 1024,
      onStderrLine: (line) => {
        const m = /^frame (\d+)\//.exec(line);
        if (m) r.onProgress?.(Math.min(1, Number(m[1]) / total));
      },
    });
    return stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as AnalysedFrame);
  }
}
