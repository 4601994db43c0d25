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
    const vf = args[args.indexOf('-vf') + 1];
    expect(vf).toContain('crop=606:1080:657:0,scale=1080:1920');
    expect(vf).toContain('ass=/tmp/a b/c\\:d.ass:fontsdir=/fonts');
    expect(args).toEqual(expect.arrayContaining(['libx264', 'aac', '+faststart']));
  });

  it('escapes filter-special characters in paths', () => {
    expect(filterPath("C:\\x'y,z")).toBe("C\\:/x\\'y\\,z");
  });
});
