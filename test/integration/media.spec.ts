import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  extractAudio,
  inspectVideo,
  ProcessFailedError,
  probeMedia,
  resolveMediaBinaries,
  runProcess,
} from '@app/media';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const binaries = resolveMediaBinaries();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-media-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Alive and not a zombie (an orphan killed in a container may wait for a reaper). */
function isRunning(pid: number): boolean {
  try {
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== undefined && state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

describe('runProcess', () => {
  it('kills the whole process group promptly on abort', async () => {
    const abort = new AbortController();
    const marker = path.join(tmp, 'grandchild.pid');
    const run = runProcess('sh', ['-c', `sleep 30 & echo $! > ${marker}; wait`], {
      signal: abort.signal,
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    abort.abort();
    await expect(run).rejects.toMatchObject({ reason: 'aborted' });
    expect(Date.now() - started).toBeLessThan(3000);
    const grandchild = Number(fs.readFileSync(marker, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(isRunning(grandchild)).toBe(false);
  });

  it('enforces a timeout and reports exit codes with stderr', async () => {
    await expect(runProcess('sleep', ['5'], { timeoutMs: 200 })).rejects.toMatchObject({
      reason: 'timeout',
    });
    const failed = runProcess('sh', ['-c', 'echo boom >&2; exit 3']);
    await expect(failed).rejects.toBeInstanceOf(ProcessFailedError);
    await expect(failed).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('boom'),
    });
  });

  it('does not block the event loop while a child runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await runProcess('sleep', ['0.3']);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });
});

describeWithCorpus('ffprobe and audio extraction on corpus media', () => {
  it('describes a real talking-head video', async () => {
    const meta = await inspectVideo(
      binaries.ffprobe,
      corpusPath('video/liveportrait_s18_16x9.mp4'),
    );
    expect(meta).toMatchObject({ width: 1280, height: 720 });
    expect(meta.durationSec).toBeGreaterThan(9);
    expect(meta.audioCodec).toBeTruthy();
  });

  it('rejects audio-only and silent inputs with stable codes', async () => {
    await expect(
      inspectVideo(binaries.ffprobe, corpusPath('speech/jfk_openai.flac')),
    ).rejects.toMatchObject({ code: 'MEDIA_NO_VIDEO' });
    await expect(
      inspectVideo(binaries.ffprobe, corpusPath('video/liveportrait_d13_vertical.mp4')),
    ).rejects.toMatchObject({ code: 'MEDIA_NO_AUDIO' });
    const text = path.join(tmp, 'notes.mp4');
    fs.writeFileSync(text, 'this is not a video');
    await expect(inspectVideo(binaries.ffprobe, text)).rejects.toMatchObject({
      code: 'MEDIA_INVALID',
    });
  });

  it('extracts 16 kHz mono PCM with progress', async () => {
    const wav = path.join(tmp, 'audio.wav');
    const seen: number[] = [];
    await extractAudio(binaries.ffmpeg, corpusPath('video/liveportrait_d6.mp4'), wav, {
      durationSec: 33.65,
      onProgress: (f) => seen.push(f),
    });
    const probe = await probeMedia(binaries.ffprobe, wav);
    expect(probe.audio).toMatchObject({ codec: 'pcm_s16le', sampleRate: 16000, channels: 1 });
    expect(probe.durationSec).toBeCloseTo(33.6, 0);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});
