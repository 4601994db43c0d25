import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActiveSpeakerFraming, HumanFaceAnalyzer } from '@app/detection';
import { probeMedia, resolveMediaBinaries, runProcess } from '@app/media';
import { renderClip } from '@app/rendering';
import { corpusPath, describeWithCorpus } from '../support/corpus';

/**
 * The real analysis (ffmpeg frames → Human faces in a child process) on inputs whose truth is
 * known by construction: a talking head placed far left on a 1920×1080 canvas, and a clip that
 * cuts from a face to a cartoon.
 */
describeWithCorpus('reframing on real video', () => {
  const binaries = resolveMediaBinaries();
  const framing = new ActiveSpeakerFraming(new HumanFaceAnalyzer(binaries));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-reframe-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps a speaker sitting far left in the 9:16 crop, with a still camera', async () => {
    const input = path.join(tmp, 'left.mp4');
    // The face-centred talking head as a 560 px tile at x = 100: its centre is at x = 380.
    await runProcess(binaries.ffmpeg, [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x556070:s=1920x1080:r=25:d=5',
      '-i', corpusPath('video/sadtalker_WDA_AOC.mp4'),
      '-filter_complex', '[1:v]scale=560:560[t];[0:v][t]overlay=x=100:y=140:shortest=1[v]',
      '-map', '[v]', '-map', '1:a:0', '-t', '5', '-c:v', 'libx264', '-preset', 'ultrafast', input,
    ]); // prettier-ignore
    const crop = await framing.plan({
      sourcePath: input, sourceWidth: 1920, sourceHeight: 1080, start: 0, end: 5, aspect: 9 / 16,
    }); // prettier-ignore
    expect(crop.fit).toBeUndefined();
    expect(crop.analysis!.tracks.length).toBeGreaterThanOrEqual(1);
    for (const k of crop.keyframes) {
      expect(k.x).toBeLessThan(380);
      expect(k.x + k.width).toBeGreaterThan(380);
    }
    expect(new Set(crop.keyframes.map((k) => k.x)).size).toBe(1);
  }, 60_000);

  it('shows the cartoon after the cut whole (fit) and renders the clip', async () => {
    const source = corpusPath('video/pyfeat_face_noface.mov');
    const crop = await framing.plan({
      sourcePath: source, sourceWidth: 960, sourceHeight: 540, start: 0, end: 6.4, aspect: 9 / 16,
    }); // prettier-ignore
    expect(crop.fit).toHaveLength(1);
    expect(crop.fit![0].start).toBeGreaterThan(2);
    expect(crop.fit![0].start).toBeLessThan(3);
    expect(crop.fit![0].end).toBeCloseTo(6.4, 1);
    const out = path.join(tmp, 'noface.mp4');
    await renderClip({
      ffmpeg: binaries.ffmpeg, sourcePath: source, start: 0, end: 6.4, crop,
      outputWidth: 540, outputHeight: 960, outputPath: out,
    }); // prettier-ignore
    const probed = await probeMedia(binaries.ffprobe, out);
    expect(probed.durationSec).toBeGreaterThan(6);
  }, 60_000);
});
