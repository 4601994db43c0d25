import { audioGraph, CROSSFADE_SEC, loudnormFilter } from './audio-filter';

const measured = { integrated: -23.4, truePeak: -4.1, range: 6.2, threshold: -33.9, offset: 0.3 };

describe('audio graph', () => {
  it('applies measured loudnorm in linear mode towards -14 LUFS, peaks under -1 dBTP', () => {
    const f = loudnormFilter(measured);
    expect(f).toMatch(/^loudnorm=I=-14:TP=-1\.5:LRA=11:measured_I=-23\.40:measured_TP=-4\.10/);
    expect(f).toContain('linear=true');
  });

  it('passes a whole clip through loudness and resampling', () => {
    expect(audioGraph('[0:a:0]', undefined, measured)).toMatch(
      /^\[0:a:0\]loudnorm=.*,aresample=48000\[aout\]$/,
    );
  });

  it('joins kept spans with crossfades, each span but the last running on by the fade', () => {
    const g = audioGraph(
      '[0:a:0]',
      [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
        { start: 4, end: 5 },
      ],
      null,
    );
    expect(g).toContain('asplit=3');
    expect(g).toContain(`atrim=0.000:${(1 + CROSSFADE_SEC).toFixed(3)}`);
    expect(g).toContain('atrim=4.000:5.000,');
    expect(g.match(/acrossfade/g)).toHaveLength(2);
    expect(g.endsWith('aresample=48000[aout]')).toBe(true);
  });
});
