import { JobEntity, JobStatus } from '@app/persistence';
import {
  CandidateRange,
  ClipRequest,
  prepareSentences,
  resolveClipRequest,
  Sentence,
} from '@app/selection';
import { StorageDriver } from '@app/storage';
import { transcriptWords } from '@app/transcription';
import { readTranscript } from '../transcribe.stage';

export class ClipRequestRefused extends Error {
  constructor(
    readonly code: 'JOB_NOT_FINISHED' | 'TRANSCRIPT_GONE',
    message: string,
  ) {
    super(message);
  }
}

export interface PlannedClip {
  sentences: Sentence[];
  range: CandidateRange;
  text: string;
}

/**
 * Where a requested clip falls: the finished job's transcript cut into the same sentences
 * selection used, and the request snapped to them. Throws ClipRequestRefused (job not finished,
 * transcript gone) or ClipRequestError (query not found, out of range, no speech there).
 */
export async function planRequestedClip(
  storage: StorageDriver,
  job: JobEntity,
  request: ClipRequest,
): Promise<PlannedClip> {
  if (job.status !== JobStatus.Completed)
    throw new ClipRequestRefused(
      'JOB_NOT_FINISHED',
      `the job is ${job.status}: clips can be asked for once it has completed`,
    );
  const transcript = job.transcriptKey ? await readTranscript(storage, job.transcriptKey) : null;
  if (!transcript)
    throw new ClipRequestRefused('TRANSCRIPT_GONE', "the job's transcript is no longer stored");
  const sentences = prepareSentences(transcriptWords(transcript), job.options.maxDuration);
  const range = resolveClipRequest(sentences, request, {
    minDuration: job.options.minDuration,
    maxDuration: job.options.maxDuration,
    mediaDuration: job.sourceMetadata?.durationSec ?? transcript.durationSec,
  });
  const text = sentences
    .slice(range.first, range.last + 1)
    .map((s) => s.text)
    .join(' ');
  return { sentences, range, text };
}
