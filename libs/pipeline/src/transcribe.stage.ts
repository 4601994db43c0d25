import { randomUUID } from 'node:crypto';
import { transcriptFiles } from '@app/captions';
import { ArtifactKind, ClipRepository } from '@app/persistence';
import { readObject, sha256File, StorageDriver, StorageKeys } from '@app/storage';
import { Transcript, TranscriptionEngine } from '@app/transcription';
import type { PipelineContext } from './pipeline.types';

export const TRANSCRIPT_FILENAME = 'transcript.json';
/** Bump when the transcript format or word-timing logic changes, so old cache entries are ignored. */
const TRANSCRIPT_FORMAT = 'v6';

const OUTPUTS = [
  { filename: TRANSCRIPT_FILENAME, contentType: 'application/json' },
  { filename: 'transcript.srt', contentType: 'application/x-subrip' },
  { filename: 'transcript.vtt', contentType: 'text/vtt' },
  { filename: 'transcript.txt', contentType: 'text/plain; charset=utf-8' },
] as const;

export interface TranscribeStageResult {
  transcript: Transcript;
  key: string;
  cached: boolean;
}

/**
 * Runs Whisper on the extracted audio — unless the same audio was already transcribed with the
 * same model and language (content-hash cache) — and stores JSON, SRT, VTT and text with the job.
 */
export async function runTranscribeStage(
  ctx: PipelineContext,
  engine: TranscriptionEngine,
  storage: StorageDriver,
  clipsRepo: ClipRepository,
): Promise<TranscribeStageResult> {
  const audioHash = await sha256File(ctx.audioPath);
  const cacheKey = StorageKeys.cachedTranscript(
    `${audioHash}-${await engine.cacheTag(ctx.options.quality)}-${ctx.options.language}-${TRANSCRIPT_FORMAT}`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    ),
  );
  let transcript = await readTranscript(storage, cacheKey);
  const cached = transcript !== null;
  if (!transcript) {
    transcript = await engine.transcribe(ctx.audioPath, {
      language: ctx.options.language,
      quality: ctx.options.quality,
      signal: ctx.signal,
      onProgress: (f) => ctx.report(f),
    });
    await storage.put(cacheKey, Buffer.from(JSON.stringify(transcript)), 'application/json');
  }
  const files = transcriptFiles(transcript.segments);
  const bodies: Record<string, string> = {
    [TRANSCRIPT_FILENAME]: JSON.stringify(transcript),
    'transcript.srt': files.srt,
    'transcript.vtt': files.vtt,
    'transcript.txt': files.txt,
  };
  for (const { filename, contentType } of OUTPUTS) {
    const key = StorageKeys.transcriptFile(ctx.jobId, filename);
    const stored = await storage.put(key, Buffer.from(bodies[filename]), contentType);
    await clipsRepo.saveArtifact({
      id: randomUUID(),
      jobId: ctx.jobId,
      kind: ArtifactKind.Transcript,
      filename,
      storageKey: key,
      contentType,
      sizeBytes: stored.sizeBytes,
    });
  }
  return { transcript, key: StorageKeys.transcriptFile(ctx.jobId, TRANSCRIPT_FILENAME), cached };
}

/** A stored transcript, or null when it is missing or damaged (then it is simply recomputed). */
export async function readTranscript(
  storage: StorageDriver,
  key: string,
): Promise<Transcript | null> {
  const bytes = await readObject(storage, key);
  try {
    return bytes ? (JSON.parse(bytes.toString('utf8')) as Transcript) : null;
  } catch {
    return null;
  }
}
