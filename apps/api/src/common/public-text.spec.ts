import { publicText } from './public-text';

describe('publicText', () => {
  it('keeps the first line and hides server paths', () => {
    expect(
      publicText(
        'render failed: ffmpeg exited 1: /tmp/clipgen-work/ab12/clip-01.ass: No such file\n[libx264 @ 0x55] frame I:1',
      ),
    ).toBe('render failed: ffmpeg exited 1: …: No such file');
    expect(publicText("ENOENT: no such file, open 'C:\\srv\\work\\x.wav'")).toBe(
      "ENOENT: no such file, open '…'",
    );
  });

  it('keeps ordinary words with slashes and falls back when empty', () => {
    expect(publicText('9:16 and 1:1 renditions, 24/25 fps')).toBe(
      '9:16 and 1:1 renditions, 24/25 fps',
    );
    expect(publicText('', 'failed')).toBe('failed');
    expect(publicText('x'.repeat(400))).toHaveLength(300);
  });
});
