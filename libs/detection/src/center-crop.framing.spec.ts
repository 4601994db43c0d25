import { centerCropWindow } from './center-crop.framing';

describe('centerCropWindow', () => {
  it('cuts a centred 9:16 column out of 16:9 video', () => {
    expect(centerCropWindow(1920, 1080, 9 / 16)).toEqual({
      x: 657,
      y: 0,
      width: 606,
      height: 1080,
    });
  });

  it('cuts a centred band out of tall video for 16:9', () => {
    expect(centerCropWindow(1080, 1920, 16 / 9)).toEqual({
      x: 0,
      y: 657,
      width: 1080,
      height: 606,
    });
  });

  it('keeps dimensions even and inside the frame for odd sources', () => {
    const c = centerCropWindow(161, 161, 9 / 16);
    expect(c.width % 2).toBe(0);
    expect(c.height % 2).toBe(0);
    expect(c.x + c.width).toBeLessThanOrEqual(161);
    expect(c.y + c.height).toBeLessThanOrEqual(161);
  });
});
