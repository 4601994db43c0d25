/**
 * Three areas, each with a folder per job, so a bucket's lifecycle rules can treat them apart:
 * `uploads/` (sources: needed only until the job has run), `processing/` (intermediates and
 * caches anyone can rebuild) and `results/` (what users download: clips, captions, thumbnails
 * and the transcript behind `transcriptUrl`).
 */
export const StorageAreas = ['uploads', 'processing', 'results'] as const;
export type StorageArea = (typeof StorageAreas)[number];

export const StorageKeys = {
  /** Every prefix one job's objects live under (`jobs/<id>/` held them before the areas). */
  jobPrefixes: (jobId: string) => [
    ...StorageAreas.map((area) => `${area}/${jobId}/`),
    `jobs/${jobId}/`,
  ],
  source: (jobId: string, extension: string) => `uploads/${jobId}/source${extension}`,
  clipsPrefix: (jobId: string) => `results/${jobId}/clips/`,
  clipFile: (jobId: string, filename: string) => `results/${jobId}/clips/${filename}`,
  transcriptFile: (jobId: string, filename: string) => `results/${jobId}/transcript/${filename}`,
  /** Shared by every job whose audio, model and language match. */
  cachedTranscript: (hash: string) => `processing/cache/transcripts/${hash}.json`,
  /** Sentence embeddings of one transcript's sentences by one encoder, shared like transcripts. */
  cachedVectors: (hash: string) => `processing/cache/vectors/${hash}.bin`,
};
