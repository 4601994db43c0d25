import { evenFloor } from './numbers';
import { CropPath, FramingRequest, FramingStrategy } from './crop-path';

/** Largest window of the target aspect that fits the source, centred. */
export function centerCropWindow(sourceWidth: number, sourceHeight: number, aspect: number) {
  let width = sourceWidth;
  let height = sourceHeight;
  if (sourceWidth / sourceHeight > aspect) width = evenFloor(sourceHeight * aspect);
  else height = evenFloor(sourceWidth / aspect);
  width = Math.min(width, evenFloor(sourceWidth));
  height = Math.min(height, evenFloor(sourceHeight));
  return {
    x: Math.floor((sourceWidth - width) / 2),
    y: Math.floor((sourceHeight - height) / 2),
    width,
    height,
  };
}

/** First framing: a fixed centre crop (no analysis of the picture). */
export class CenterCropFraming extends FramingStrategy {
  readonly name = 'center';

  async plan(req: FramingRequest): Promise<CropPath> {
    return {
      sourceWidth: req.sourceWidth,
      sourceHeight: req.sourceHeight,
      keyframes: [{ t: 0, ...centerCropWindow(req.sourceWidth, req.sourceHeight, req.aspect) }],
    };
  }
}
