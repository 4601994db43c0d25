import { buildRenderArgs, filterPath } from './render-clip';

describe('buildRenderArgs', () => {
  const base = {
    ffmpeg: 'ffmpeg',
    sourcePath: '/in/video.mp4',
    start: 12.3456,
    end: 42.5,
    crop: {
      sourceWidth: 1920,
      sourceHeight: 1080,
      keyframes: [{ t: 0, x: 657, y: 0, width: 606, height: 1080 }],
    },
    outputWidth: 1080,
    outputHeight: 1920,
    outputPath: '/out/clip.mp4',
  };

  it('seeks accurately, crops, scales and encodes H.264/AAC with faststart', () => {
    const args = buildRenderArgs({ ...base, assPath: '/tmp/a b/c:d.ass', fontsDir: '/fonts' });
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-ss') + 4)).toEqual([
      '-ss',
      '12.346',
      '-t',
      '30.154',
    ]);
    const graph = args[args.indexOf('-filter_complex') + 1];
    expect(graph).toContain('[0:v:0]crop=606:1080:657:0,scale=1080:1920');
    expect(graph).toContain('ass=/tmp/a b/c\\:d.ass:fontsdir=/fonts');
    expect(args).toEqual(
      expect.arrayContaining(['[vout]', '[aout]', 'libx264', 'aac', '+faststart']),
    );
  });

  it('cuts after the crop (the path keeps the clip timeline) and captions after the cut', () => {
    const keep = [
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ];
    const args = buildRenderArgs({ ...base, assPath: '/a.ass', keep });
    const graph = args[args.indexOf('-filter_complex') + 1];
    const at = (s: string) => graph.indexOf(s);
    expect(at('crop=')).toBeLessThan(at('concat=n=2'));
    expect(at('concat=n=2')).toBeLessThan(at('ass=/a.ass'));
    expect(graph).toContain('acrossfade');
  });

  it('escapes filter-special characters in paths', () => {
    expect(filterPath("C:\\x'y,z")).toBe("C\\:/x\\'y\\,z");
  });
});
