import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractAudio, MediaBinaries, probeMedia } from '@app/media';
import { Transcript, TranscribeOptions, TranscriptionEngine } from '@app/transcription';

/** Any media file → 16 kHz mono WAV (temp) → Whisper transcript. */
export async function transcribeFile(
  engine: TranscriptionEngine,
  binaries: MediaBinaries,
  file: string,
  options: TranscribeOptions = {},
): Promise<Transcript> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clipgen-transcribe-'));
  try {
    const probe = await probeMedia(binaries.ffprobe, file, options.signal);
    if (!probe.audio) throw new Error(`${file} has no audio stream`);
    const wav = path.join(dir, 'audio.wav');
    await extractAudio(binaries.ffmpeg, file, wav, { signal: options.signal });
    return await engine.transcribe(wav, options);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
