import type { CropKeyframe, CropPath, SplitStretch, SplitWindow } from '@app/detection';

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * A per-frame ffmpeg expression of `t` that moves linearly between keyframes, as a flat sum of
 * one term per stretch (no nesting, so long paths stay parseable).
 */
export function pathExpression(keys: CropKeyframe[], axis: 'x' | 'y'): string {
  const v = keys.map((k) => k[axis]);
  if (v.every((x) => x === v[0])) return num(v[0]);
  const terms = [`lt(t,${num(keys[0].t)})*${num(v[0])}`];
  for (let i = 0; i + 1 < keys.length; i++) {
    const [a, b] = [keys[i], keys[i + 1]];
    if (b.t <= a.t) continue;
    const value =
      v[i] === v[i + 1]
        ? num(v[i])
        : `(${num(v[i])}+${num(v[i + 1] - v[i])}*(t-${num(a.t)})/${num(b.t - a.t)})`;
    terms.push(`gte(t,${num(a.t)})*lt(t,${num(b.t)})*${value}`);
  }
  terms.push(`gte(t,${num(keys[keys.length - 1].t)})*${num(v[v.length - 1])}`);
  return terms.join('+');
}

/** The whole frame scaled into the target over a blurred, enlarged copy of itself. */
function fitChain(input: string, w: number, h: number, after: string): string {
  return [
    `${input}split[fitbg][fitfg]`,
    `[fitbg]scale=${Math.round(w / 8) * 2}:${Math.round(h / 8) * 2}:force_original_aspect_ratio=increase,` +
      `crop=${Math.round(w / 8) * 2}:${Math.round(h / 8) * 2},boxblur=8:2,scale=${w}:${h},setsar=1[fitblur]`,
    `[fitfg]scale=${w}:${h}:force_original_aspect_ratio=decrease:flags=lanczos,setsar=1[fitsharp]`,
    `[fitblur][fitsharp]overlay=(W-w)/2:(H-h)/2${after}`,
  ].join(';');
}

const between = (s: { start: number; end: number }) => `between(t,${num(s.start)},${num(s.end)})`;

/** A frame around the half whose person is speaking, while they speak. */
function speakerMark(spans: { start: number; end: number }[], w: number, half: number) {
  if (!spans.length) return '';
  const border = Math.max(4, Math.round(w / 120));
  return `,drawbox=x=0:y=0:w=${w}:h=${half}:color=white@0.85:t=${border}:enable='${spans.map(between).join('+')}'`;
}

/** Two fixed windows, each scaled to half the output height and stacked; the speaker framed. */
function splitChain(i: number, stretch: SplitStretch, w: number, h: number): string {
  const half = Math.round(h / 4) * 2;
  const part = (win: SplitWindow, label: 't' | 'b') => {
    const height = label === 't' ? half : h - half;
    const speaks = label === 't' ? stretch.topSpeaks : stretch.bottomSpeaks;
    return (
      `[sp${i}${label}]crop=${win.width}:${win.height}:${win.x}:${win.y},` +
      `scale=${w}:${height}:flags=lanczos,setsar=1${speakerMark(speaks ?? [], w, height)}[sp${i}${label}o]`
    );
  };
  return [
    part(stretch.top, 't'),
    part(stretch.bottom, 'b'),
    `[sp${i}to][sp${i}bo]vstack[split${i}]`,
  ].join(';');
}

/**
 * The video filter graph of a reframed clip: the moving crop scaled to the output size, the
 * fitted whole frame during `fit` stretches and two stacked halves during `split` stretches
 * (each laid over the crop while it lasts), then the burned-in captions and pixel format.
 */
export function reframeFilter(crop: CropPath, w: number, h: number, tail: string[]): string {
  const [k] = crop.keyframes;
  const x = pathExpression(crop.keyframes, 'x');
  const y = pathExpression(crop.keyframes, 'y');
  const moving = x.includes('t') || y.includes('t');
  const cropper =
    (moving
      ? `crop=${k.width}:${k.height}:x='${x}':y='${y}'`
      : `crop=${k.width}:${k.height}:${x}:${y}`) + `,scale=${w}:${h}:flags=lanczos,setsar=1`;
  const fit = crop.fit ?? [];
  const splits = crop.split ?? [];
  const finish = tail.length ? `,${tail.join(',')}` : '';
  if (!fit.length && !splits.length) return `${cropper}${finish}`;
  const whole = fit.length === 1 && fit[0].start <= 0.05 && crop.keyframes.length === 1;
  if (whole && !splits.length) return fitChain('', w, h, finish);
  const inputs = ['[followin]', ...(fit.length ? ['[fitin]'] : [])];
  splits.forEach((_, i) => inputs.push(`[sp${i}t]`, `[sp${i}b]`));
  const graph = [`split=${inputs.length}${inputs.join('')}`, `[followin]${cropper}[layer0]`];
  const layers: { label: string; when: string }[] = [];
  if (fit.length) {
    graph.push(fitChain('[fitin]', w, h, '[fitted]'));
    layers.push({ label: '[fitted]', when: fit.map(between).join('+') });
  }
  splits.forEach((stretch, i) => {
    graph.push(splitChain(i, stretch, w, h));
    layers.push({ label: `[split${i}]`, when: between(stretch) });
  });
  layers.forEach((layer, i) => {
    const out = i === layers.length - 1 ? finish : `[layer${i + 1}]`;
    graph.push(`[layer${i}]${layer.label}overlay=0:0:enable='${layer.when}'${out}`);
  });
  return graph.join(';');
}
