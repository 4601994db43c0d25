import { randomUUID } from 'node:crypto';
import { ArtifactKind, ClipRepository } from '@app/persistence';
import { StorageDriver, StorageKeys } from '@app/storage';
import { Transcript, TranscriptionEngine } from '@app/transcription';
import type { PipelineContext } from './pipeline.types';

export const TRANSCRIPT_FILENAME = 'transcript.json';

/** Runs Whisper on the extracted audio and stores the transcript JSON with the job. */
export async function runTranscribeStage(
  ctx: PipelineContext,
  engine: TranscriptionEngine,
  storage: StorageDriver,
  clipsRepo: ClipRepository,
): Promise<{ transcript: Transcript; key: string }> {
  const transcript = await engine.transcribe(ctx.audioPath, {
    language: ctx.options.language,
    signal: ctx.signal,
    onProgress: (f) => ctx.report(f),
  });
  const key = StorageKeys.transcript(ctx.jobId);
  const body = Buffer.from(JSON.stringify(transcript));
  const stored = await storage.put(key, body, 'application/json');
  await clipsRepo.saveArtifact({
    id: randomUUID(),
    jobId: ctx.jobId,
    kind: ArtifactKind.Transcript,
    filename: TRANSCRIPT_FILENAME,
    storageKey: key,
    contentType: 'application/json',
    sizeBytes: stored.sizeBytes,
  });
  return { transcript, key };
}
