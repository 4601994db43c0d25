import { clearOfCutFaces } from './cut-faces';

describe('clearOfCutFaces', () => {
  const subject = { cx: 800, size: 200 };

  it('moves a neighbour cut by the window edge out of the picture', () => {
    // Window 497–1103; the neighbour spans 1000–1200 and would be cut at 1103.
    const x = clearOfCutFaces(497, 606, 1920, subject, [{ cx: 1100, size: 200 }]);
    expect(x + 606).toBeLessThanOrEqual(1000);
    expect(x).toBeLessThanOrEqual(700);
  });

  it('takes the neighbour in whole when it cannot go out (the frame edge)', () => {
    // Subject 150–350 at the left edge, window 0–606; the neighbour spans 540–700.
    const x = clearOfCutFaces(0, 606, 1920, { cx: 250, size: 200 }, [{ cx: 620, size: 160 }]);
    expect(x).toBe(94);
  });

  it('leaves the window alone when no face is cut, or nothing can be done', () => {
    expect(clearOfCutFaces(497, 606, 1920, subject, [{ cx: 1500, size: 200 }])).toBe(497);
    expect(clearOfCutFaces(497, 606, 1920, { cx: 800, size: 560 }, [{ cx: 1080, size: 200 }])).toBe(
      497,
    );
  });
});
