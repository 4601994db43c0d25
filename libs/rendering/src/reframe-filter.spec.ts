import { pathExpression, reframeFilter } from './reframe-filter';

const key = (t: number, x: number) => ({ t, x, y: 0, width: 606, height: 1080 });
const path = (keyframes: ReturnType<typeof key>[], fit?: { start: number; end: number }[]) => ({
  sourceWidth: 1920,
  sourceHeight: 1080,
  keyframes,
  ...(fit ? { fit } : {}),
});

/** Evaluates an expression the way ffmpeg would, for a given t. */
const evaluate = (expr: string, t: number) => {
  const lt = (a: number, b: number) => (a < b ? 1 : 0);
  const gte = (a: number, b: number) => (a >= b ? 1 : 0);
  return new Function('t', 'lt', 'gte', `return ${expr};`)(t, lt, gte) as number;
};

describe('reframe filter', () => {
  it('moves linearly between keyframes and holds outside them', () => {
    const expr = pathExpression([key(1, 100), key(3, 300), key(5, 300)], 'x');
    expect(evaluate(expr, 0)).toBe(100);
    expect(evaluate(expr, 2)).toBeCloseTo(200);
    expect(evaluate(expr, 4)).toBe(300);
    expect(evaluate(expr, 9)).toBe(300);
  });

  it('cuts hard between two keyframes a millisecond apart', () => {
    const expr = pathExpression([key(0, 100), key(1.999, 100), key(2, 900), key(4, 900)], 'x');
    expect(evaluate(expr, 1.99)).toBeCloseTo(100);
    expect(evaluate(expr, 2.01)).toBe(900);
  });

  it('keeps a fixed crop a plain crop', () => {
    const vf = reframeFilter(path([key(0, 657)]), 1080, 1920, ['format=yuv420p']);
    expect(vf).toBe('crop=606:1080:657:0,scale=1080:1920:flags=lanczos,setsar=1,format=yuv420p');
  });

  it('shows the whole frame over a blur during fit stretches, the crop elsewhere', () => {
    const vf = reframeFilter(path([key(0, 100), key(4, 500)], [{ start: 2, end: 4 }]), 1080, 1920, [
      'format=yuv420p',
    ]);
    expect(vf).toContain("crop=606:1080:x='");
    expect(vf).toContain('boxblur');
    expect(vf).toContain("overlay=0:0:enable='between(t,2,4)',format=yuv420p");
  });

  it('composes a clip that is fit throughout without a crop branch', () => {
    const vf = reframeFilter(path([key(0, 657)], [{ start: 0, end: 10 }]), 1080, 1920, ['x']);
    expect(vf).not.toContain('crop=606');
    expect(vf.startsWith('split[fitbg][fitfg]')).toBe(true);
  });

  it('lays two stacked halves over the crop during split stretches', () => {
    const win = (x: number) => ({ x, y: 100, width: 900, height: 800 });
    const split = [
      {
        start: 1,
        end: 5,
        top: win(0),
        bottom: win(1000),
        topSpeaks: [{ start: 1, end: 3 }],
        bottomSpeaks: [{ start: 3, end: 5 }],
      },
    ];
    const crop = { ...path([key(0, 657)]), split };
    const vf = reframeFilter(crop, 1080, 1920, ['format=yuv420p']);
    expect(vf).toContain('crop=900:800:0:100,scale=1080:960');
    expect(vf).toContain('crop=900:800:1000:100,scale=1080:960');
    expect(vf).toContain('vstack[split0]');
    expect(vf).toContain(
      "drawbox=x=0:y=0:w=1080:h=960:color=white@0.85:t=9:enable='between(t,1,3)'",
    );
    expect(vf).toContain("enable='between(t,3,5)'[sp0bo]");
    expect(vf).toContain(
      "drawbox=x=0:y=0:w=1080:h=960:color=white@0.85:t=9:enable='between(t,1,3)'",
    );
    expect(vf).toContain("enable='between(t,3,5)'[sp0bo]");
    expect(vf).toContain("overlay=0:0:enable='between(t,1,5)',format=yuv420p");
  });
});
