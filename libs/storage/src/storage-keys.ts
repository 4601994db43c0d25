/** Every object a job owns lives under `jobs/<jobId>/`, so a job can be cleaned up as one prefix. */
export const StorageKeys = {
  jobPrefix: (jobId: string) => `jobs/${jobId}/`,
  source: (jobId: string, extension: string) => `jobs/${jobId}/source${extension}`,
  clipFile: (jobId: string, filename: string) => `jobs/${jobId}/clips/${filename}`,
  transcriptFile: (jobId: string, filename: string) => `jobs/${jobId}/transcript/${filename}`,
  /** Shared by every job whose audio, model and language match. */
  cachedTranscript: (hash: string) => `cache/transcripts/${hash}.json`,
  /** Sentence embeddings of one transcript's sentences by one encoder, shared like transcripts. */
  cachedVectors: (hash: string) => `cache/vectors/${hash}.bin`,
};
