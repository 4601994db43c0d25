import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { burnInScript, CaptionPreset, linkFontsFolder } from '@app/captions';
import { measureLoudness, probeMedia, resolveMediaBinaries } from '@app/media';
import { planCuts, renderClip } from '@app/rendering';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const W = 540;
const H = 960;
const SOURCE = 'video/remotion_tiktok_sample_vertical.mp4';

/** The sample's own word timings (whisper.cpp tokens; a token may hold two words). */
function sampleWords() {
  const json = JSON.parse(
    fs.readFileSync(corpusPath('video/remotion_tiktok_sample_words.json'), 'utf8'),
  );
  return (json.transcription as { offsets: { from: number; to: number }; text: string }[]).flatMap(
    (t) => {
      const parts = t.text.trim().split(' ');
      const d = (t.offsets.to - t.offsets.from) / 1000 / parts.length;
      const s = t.offsets.from / 1000;
      return parts.map((text, k) => ({ text, start: s + k * d, end: s + (k + 1) * d }));
    },
  );
}

describeWithCorpus('captions burned into a real clip', () => {
  const { ffmpeg, ffprobe } = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-captions-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const words = sampleWords().filter((w) => w.end <= 4);
  const crop = {
    sourceWidth: 1080,
    sourceHeight: 1920,
    keyframes: [{ t: 0, x: 0, y: 0, width: 1080, height: 1920 }],
  };

  async function render(name: string, style: CaptionPreset | null, extra: object = {}) {
    const out = path.join(tmp, `${name}.mp4`);
    const script = style && burnInScript(words, { style }, { width: W, height: H }, ['TikTok']);
    const assPath = path.join(tmp, `${name}.ass`);
    if (script) {
      fs.writeFileSync(assPath, script.ass);
      await linkFontsFolder(path.join(tmp, `${name}.fonts`), script.faces);
    }
    await renderClip({
      ffmpeg, sourcePath: corpusPath(SOURCE), start: 0, end: 4, crop, outputWidth: W, outputHeight: H,
      ...(script ? { assPath, fontsDir: path.join(tmp, `${name}.fonts`) } : {}), outputPath: out, ...extra,
    }); // prettier-ignore
    return out;
  }

  const frame = (file: string, t: number) =>
    execFileSync(ffmpeg, ['-v', 'error', '-ss', String(t), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 24 }); // prettier-ignore

  /** Rows where the captioned frame differs from the plain one. */
  function changedRows(a: Buffer, b: Buffer): number[] {
    const rows: number[] = [];
    for (let y = 0; y < H; y++) {
      let changed = 0;
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        if (
          Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) >
          90
        )
          changed++;
      }
      if (changed > 3) rows.push(y);
    }
    return rows;
  }

  /** Mean x of highlight-yellow pixels (#FFD400). */
  function yellowX(f: Buffer): number {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < f.length; i += 3)
      if (f[i] > 200 && f[i + 1] > 160 && f[i + 1] < 235 && f[i + 2] < 90) {
        sum += (i / 3) % W;
        n++;
      }
    return n > 20 ? sum / n : NaN;
  }

  let plain: string;
  beforeAll(async () => {
    plain = await render('plain', null);
  }, 60_000);

  it.each(['karaoke', 'bold-pop', 'minimal', 'boxed'] as const)(
    '%s: caption pixels appear at a word, inside the safe area',
    async (style) => {
      const out = await render(style, style);
      const rows = changedRows(frame(out, 1.2), frame(plain, 1.2));
      expect(rows.length).toBeGreaterThan(H * 0.02);
      // Clear of the top 10 % and the bottom 20 % the platforms cover.
      expect(Math.min(...rows)).toBeGreaterThan(H * 0.5);
      expect(Math.max(...rows)).toBeLessThan(H * 0.8);
    },
    60_000,
  );

  it('karaoke: the highlight moves from word to word', async () => {
    const out = path.join(tmp, 'karaoke.mp4');
    // "Using" (0.04–0.33 s) then "Remotion's" (0.33–0.98 s), on one page.
    const first = yellowX(frame(out, 0.2));
    const second = yellowX(frame(out, 0.7));
    expect(second).toBeGreaterThan(first + 20);
  });

  it('brings the clip to -14 LUFS with true peaks under -1 dBTP', async () => {
    const loudness = await measureLoudness(ffmpeg, corpusPath(SOURCE), { start: 0, duration: 4 });
    const out = await render('loud', 'minimal', { loudness });
    const stderr = execFileSync('sh', ['-c', `"${ffmpeg}" -hide_banner -nostats -i "${out}" -af ebur128=peak=true -f null - 2>&1`], { encoding: 'utf8' }); // prettier-ignore
    const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
    const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]);
    const peak = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]);
    expect(Math.abs(integrated - -14)).toBeLessThan(1);
    expect(peak).toBeLessThanOrEqual(-1);
  }, 60_000);

  it('jump cuts shorten the clip by the removed time and keep captions on the cut timeline', async () => {
    // "template" (1.44–1.95 s) said as a hesitation is cut.
    const spoken = words.map((w) => (w.text === 'template' ? { ...w, text: 'um' } : w));
    const plan = planCuts(spoken, 4, {
      removeFillers: true,
      removeSilences: false,
      silenceThreshold: 1,
    });
    expect(plan.removedSec).toBeCloseTo(0.51, 2);
    const out = await render('cut', null, { keep: plan.keep });
    const { durationSec } = await probeMedia(ffprobe, out);
    expect(durationSec).toBeGreaterThan(4 - plan.removedSec - 0.1);
    expect(durationSec).toBeLessThan(4 - plan.removedSec + 0.1);
    const you = plan.words.find((w) => w.text === 'you')!;
    expect(you.start).toBeCloseTo(1.95 - 0.51, 2);
  }, 60_000);
});
