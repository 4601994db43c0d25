const JOB = '3f1c2a4e-7b1d-4c55-9a7e-2f0c6d1b3a90';
const SIGNED = '?expires=1796313600&signature=5e0f9c…';
const dl = (route: string, file: string) => `/api/download/${route}/${JOB}/${file}${SIGNED}`;

const base = {
  jobId: JOB,
  notice: null,
  sourceFilename: 'interview.mp4',
  source: {
    durationSec: 1834.2,
    width: 1920,
    height: 1080,
    fps: 25,
    videoCodec: 'h264',
    audioCodec: 'aac',
    sizeBytes: 412_338_201,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  },
  options: {
    maxClips: 5,
    minDuration: 15,
    maxDuration: 60,
    aspectRatio: '9:16',
    aspectRatios: ['9:16', '1:1'],
    language: 'auto',
    layout: 'auto',
  },
  createdAt: '2026-12-03T14:00:00.000Z',
  transcript: {},
  transcriptCached: false,
  clips: [],
};

const nothingYet = {
  stageProgress: 0,
  etaSeconds: null,
  estimatedCompletionAt: null,
  error: null,
  language: null,
  stageTimings: null,
  transcriptUrl: null,
  completedAt: null,
  linksExpireAt: null,
};

/** One coherent status body per state, as Swagger UI shows them. */
export const STATUS_EXAMPLES = {
  queued: {
    summary: 'queued: waiting for a worker',
    value: {
      ...base,
      ...nothingYet,
      status: 'queued',
      stage: null,
      progress: 0,
      updatedAt: base.createdAt,
    },
  },
  processing: {
    summary: 'processing: transcribing, with an estimate of the end',
    value: {
      ...base,
      ...nothingYet,
      status: 'processing',
      stage: 'transcribe',
      stageProgress: 40,
      progress: 23,
      etaSeconds: 512,
      estimatedCompletionAt: '2026-12-03T14:14:32.000Z',
      updatedAt: '2026-12-03T14:06:00.000Z',
    },
  },
  completed: {
    summary: 'completed: clips with signed download links',
    value: {
      ...base,
      status: 'completed',
      stage: null,
      stageProgress: 100,
      progress: 100,
      etaSeconds: null,
      estimatedCompletionAt: null,
      error: null,
      language: 'en',
      stageTimings: {
        probe: 0.3,
        transcribe: 611.4,
        select: 2.1,
        frame: 9.8,
        render: 48.2,
        publish: 0.6,
      },
      transcriptUrl: dl('captions', 'transcript.json'),
      transcript: {
        json: dl('captions', 'transcript.json'),
        srt: dl('captions', 'transcript.srt'),
        vtt: dl('captions', 'transcript.vtt'),
        txt: dl('captions', 'transcript.txt'),
      },
      clips: [
        {
          index: 0,
          start: 312.48,
          end: 349.9,
          duration: 37.42,
          score: 81,
          title: 'why the printing press changed everything',
          text: 'The printing press did not just make books cheaper…',
          width: 1080,
          height: 1920,
          downloadUrl: dl('clips', 'clip-01.mp4'),
          srtUrl: dl('captions', 'clip-01.srt'),
          vttUrl: dl('captions', 'clip-01.vtt'),
          framingUrl: dl('captions', 'clip-01.framing.json'),
          thumbnailUrl: dl('thumbnails', 'clip-01.jpg'),
          renditions: [
            {
              aspectRatio: '9:16',
              width: 1080,
              height: 1920,
              downloadUrl: dl('clips', 'clip-01.mp4'),
              framingUrl: dl('captions', 'clip-01.framing.json'),
            },
            {
              aspectRatio: '1:1',
              width: 1080,
              height: 1080,
              downloadUrl: dl('clips', 'clip-01.1080x1080.mp4'),
              framingUrl: dl('captions', 'clip-01.1080x1080.framing.json'),
            },
          ],
          insights: null,
        },
      ],
      updatedAt: '2026-12-03T14:11:13.000Z',
      completedAt: '2026-12-03T14:11:13.000Z',
      linksExpireAt: '2026-12-03T15:11:13.000Z',
    },
  },
  failed: {
    summary: 'failed: with a stable code',
    value: {
      ...base,
      ...nothingYet,
      status: 'failed',
      stage: null,
      progress: 5,
      error: { code: 'ASR_FAILED', message: 'whisper.cpp exited with code 134' },
      updatedAt: '2026-12-03T14:02:40.000Z',
    },
  },
};
