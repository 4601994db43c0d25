import { DetectedFace, FaceAnalyzer, frameStream } from '@app/detection';
import { runProcess } from '@app/media';
import { laplacianVariance, pickThumbnail, rgbToGrey, ThumbnailCandidate } from '@app/rendering';
import type { PipelineContext } from '../pipeline.types';

const largest = (faces: DetectedFace[]) =>
  faces.reduce<DetectedFace | undefined>(
    (big, f) => (!big || f.height > big.height ? f : big),
    undefined,
  );

/** About this many frames are weighed for the cover, whatever the clip's length. */
const CANDIDATES = 16;

/**
 * A JPEG cover for a rendered clip: frames sampled across it are weighed for sharpness and for an
 * open-eyed face (the face analysis the framing uses, run on the rendered picture).
 */
export async function makeThumbnail(
  ctx: PipelineContext,
  faces: FaceAnalyzer,
  video: { path: string; width: number; height: number; duration: number },
  jpegPath: string,
): Promise<void> {
  const fps = Math.min(2, CANDIDATES / Math.max(1, video.duration));
  const small = { width: 160, height: Math.round((160 * video.height) / video.width / 2) * 2 };
  const analysing = faces.analyse({
    sourcePath: video.path,
    sourceWidth: video.width,
    sourceHeight: video.height,
    start: 0,
    end: video.duration,
    fps,
    signal: ctx.signal,
  });
  // Handled here so that a failure while the frames are read is not an unhandled rejection;
  // `await analysing` below still throws it.
  analysing.catch(() => undefined);
  // The same sampled frames, small, for sharpness.
  const sharpness: number[] = [];
  for await (const frame of frameStream({
    ffmpeg: ctx.binaries.ffmpeg,
    sourcePath: video.path,
    start: 0,
    end: video.duration,
    fps,
    ...small,
  })) {
    // prettier-ignore
    if (ctx.signal?.aborted) break;
    sharpness.push(laplacianVariance(rgbToGrey(frame.pixels), small.width, small.height));
  }
  const analysed = await analysing;
  const candidates: ThumbnailCandidate[] = sharpness.map((sharp, i) => {
    const t = i / fps;
    const seen = analysed.reduce(
      (a, b) => (Math.abs(b.t - t) < Math.abs(a.t - t) ? b : a),
      analysed[0],
    );
    const face = largest(seen?.faces ?? []);
    return {
      t,
      sharpness: sharp,
      face: face && { heightShare: face.height / video.height, eyesOpen: face.eyesOpen ?? null },
    };
  });
  const t = pickThumbnail(candidates, video.duration);
  await runProcess(
    ctx.binaries.ffmpeg,
    [
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-ss',
      t.toFixed(3),
      '-i',
      video.path,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      jpegPath,
    ],
    { signal: ctx.signal },
  );
}
