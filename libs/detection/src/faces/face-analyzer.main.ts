import * as path from 'node:path';
import { colorHistogram } from '../frames/color-histogram';
import type { FrameStreamRequest } from '../frames/frame-stream';
import { threadedFrameStream } from '../frames/threaded-frame-stream';
import { AdaptiveSampler } from './adaptive-sampling';
import type { AnalysedFrame } from './face.types';
import { HumanFaceDetector } from './human-face-detector';

/**
 * Child process: decodes a clip's range at low size and rate, finds faces in each frame and
 * writes one JSON line per frame to stdout (progress on stderr). Argument: a JSON
 * FrameStreamRequest plus `sourceWidth`, `modulesDir` and `minConfidence`.
 */
async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2]) as FrameStreamRequest & {
    sourceWidth: number;
    modulesDir?: string;
    minConfidence?: number;
  };
  const modulesDir = req.modulesDir ?? path.resolve(__dirname, '../../../../../node_modules');
  const detector = new HumanFaceDetector(modulesDir, req.minConfidence);
  await detector.load();
  const scale = req.sourceWidth / req.width;
  const total = Math.max(1, Math.round((req.end - req.start) * req.fps));
  const sampler = new AdaptiveSampler();
  for await (const frame of threadedFrameStream({ ...req, decoderThreads: 1 })) {
    const histogram = colorHistogram(frame.pixels);
    const line: AnalysedFrame = { t: frame.t, histogram };
    if (sampler.examine(frame.index, frame.t, histogram)) {
      line.faces = await detector.detect(frame.pixels, req.width, req.height, scale);
      sampler.saw(frame.t, line.faces.length);
    }
    process.stdout.write(JSON.stringify(line) + '\n');
    if (frame.index % 10 === 0) process.stderr.write(`frame ${frame.index}/${total}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`face analysis failed: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
