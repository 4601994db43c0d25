import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '@app/config';
import { DEFAULT_CLIP_OPTIONS } from '@app/jobs';
import {
  ArtifactEntity,
  ArtifactKind,
  buildDataSourceOptions,
  ClipEntity,
  JobEntity,
  JobStatus,
  NewClip,
  PipelineStage,
  TypeOrmClipRepository,
  TypeOrmJobRepository,
} from '@app/persistence';
import { createTempDatabase } from '../support/postgres';

const metadata = {
  durationSec: 12.5,
  width: 1280,
  height: 720,
  fps: 30,
  videoCodec: 'h264',
  audioCodec: 'aac',
  sizeBytes: 5_000_000_000,
  formatName: 'mp4',
};

const clipRow = (jobId: string, index: number, title: string): NewClip => ({
  id: randomUUID(),
  jobId,
  index,
  start: index * 10,
  end: index * 10 + 8.5,
  score: 0.5,
  title,
  text: 'text',
  width: 1080,
  height: 1920,
  videoFilename: `clip-0${index + 1}.mp4`,
  srtFilename: `clip-0${index + 1}.srt`,
  vttFilename: `clip-0${index + 1}.vtt`,
  insights: {
    description: 'why',
    hashtags: ['#Tag'],
    topic: index,
    features: [{ name: 'hook', value: 0.5, weight: 20, contribution: 10, reason: 'a question' }],
    origin: 'auto',
  },
});

const artifactRow = (jobId: string, filename: string, kind = ArtifactKind.ClipVideo) => ({
  id: randomUUID(),
  jobId,
  kind,
  filename,
  storageKey: `jobs/${jobId}/clips/${filename}`,
  contentType: 'video/mp4',
  sizeBytes: 3_000_000_000,
});

type Backend = { name: string; open: () => Promise<{ url: string; cleanup: () => Promise<void> }> };

const backends: Backend[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-db-'));
      return {
        url: `sqlite:${path.join(dir, 'test.db')}`,
        cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await createTempDatabase();
      return { url: db.url, cleanup: db.drop };
    },
  },
];

describe.each(backends)('persistence on $name', ({ open }) => {
  let ds: DataSource;
  let cleanup: () => Promise<void>;
  let jobs: TypeOrmJobRepository;
  let clips: TypeOrmClipRepository;

  beforeAll(async () => {
    const db = await open();
    cleanup = db.cleanup;
    ds = new DataSource(
      buildDataSourceOptions({ url: db.url, logging: false, ...parseDatabaseUrl(db.url) }),
    );
    await ds.initialize();
    jobs = new TypeOrmJobRepository(ds.getRepository(JobEntity));
    clips = new TypeOrmClipRepository(
      ds,
      ds.getRepository(ClipEntity),
      ds.getRepository(ArtifactEntity),
    );
  });

  /** A queued job with throw-away source details; returns its id. */
  async function newJob(): Promise<string> {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: 'k',
      sourceFilename: 'f.mp4',
      sourceMetadata: metadata,
      options: DEFAULT_CLIP_OPTIONS,
    });
    return id;
  }

  afterAll(async () => {
    await ds?.destroy();
    await cleanup?.();
  });

  it('creates the schema through migrations, not synchronize', async () => {
    expect(ds.options.synchronize).toBe(false);
    const applied = await ds.query('SELECT name FROM migrations');
    expect(applied.map((r: { name: string }) => r.name)).toHaveLength(
      (ds.options.migrations as unknown[]).length,
    );
    expect(await ds.showMigrations()).toBe(false);
  });

  it('stores a job with metadata and options, and tracks its life', async () => {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: `jobs/${id}/source.mp4`,
      sourceFilename: 'talk.mp4',
      sourceMetadata: metadata,
      options: DEFAULT_CLIP_OPTIONS,
    });
    let job = await jobs.findById(id);
    expect(job).toMatchObject({
      status: JobStatus.Queued,
      progress: 0,
      sourceMetadata: metadata,
      options: DEFAULT_CLIP_OPTIONS,
    });
    expect((await jobs.listUnfinished()).map((j) => j.id)).toContain(id);

    await jobs.update(id, {
      status: JobStatus.Processing,
      stage: PipelineStage.Render,
      progress: 62,
    });
    expect(await jobs.findById(id)).toMatchObject({
      status: 'processing',
      stage: 'render',
      progress: 62,
    });

    await jobs.markCompleted(id, { probe: 0.5, render: 12.25 });
    job = await jobs.findById(id);
    expect(job).toMatchObject({
      status: 'completed',
      stage: null,
      progress: 100,
      stageTimings: { probe: 0.5, render: 12.25 },
    });
    expect(job!.completedAt).toBeTruthy();
    expect((await jobs.listUnfinished()).map((j) => j.id)).not.toContain(id);
  });

  it('records failures with a code and message', async () => {
    const id = await newJob();
    await jobs.markFailed(id, 'ASR_FAILED', 'whisper.cpp exited with code 1');
    expect(await jobs.findById(id)).toMatchObject({
      status: 'failed',
      errorCode: 'ASR_FAILED',
      errorMessage: 'whisper.cpp exited with code 1',
    });
  });

  it("replaces a job's clips and clip artifacts atomically, keeping other artifacts", async () => {
    const id = await newJob();
    await clips.saveArtifact(artifactRow(id, 'transcript.json', ArtifactKind.Transcript));
    await clips.replaceForJob(
      id,
      [clipRow(id, 0, 'old a'), clipRow(id, 1, 'old b')],
      [artifactRow(id, 'clip-01.mp4'), artifactRow(id, 'clip-02.mp4')],
    );
    await clips.replaceForJob(id, [clipRow(id, 0, 'new')], [artifactRow(id, 'clip-01.mp4')]);

    const listed = await clips.listByJob(id);
    expect(listed.map((c) => c.title)).toEqual(['new']);
    expect(listed[0]).toMatchObject({ start: 0, end: 8.5, width: 1080, height: 1920 });
    expect((await clips.listArtifacts(id)).map((a) => a.filename)).toEqual([
      'clip-01.mp4',
      'transcript.json',
    ]);
    const artifact = await clips.findArtifact(id, 'clip-01.mp4');
    expect(artifact?.sizeBytes).toBe(3_000_000_000);
    expect(await clips.findArtifact(id, 'clip-02.mp4')).toBeNull();
    expect(await clips.findArtifact(id, '../clip-01.mp4')).toBeNull();
  });

  it('adds a clip on request beside the others, with its insights, refusing a taken index', async () => {
    const id = await newJob();
    await clips.replaceForJob(id, [clipRow(id, 0, 'auto')], [artifactRow(id, 'clip-01.mp4')]);
    const asked = {
      ...clipRow(id, 1, 'asked'),
      insights: { ...clipRow(id, 1, '').insights!, origin: 'request' as const },
    };
    await clips.addClip(asked, [artifactRow(id, 'clip-02.mp4')]);
    const listed = await clips.listByJob(id);
    expect(listed.map((c) => c.title)).toEqual(['auto', 'asked']);
    expect(listed[1].insights).toMatchObject({ origin: 'request', hashtags: ['#Tag'], topic: 1 });
    expect(listed[0].insights?.features[0].reason).toBe('a question');
    await expect(clips.addClip(clipRow(id, 1, 'again'), [])).rejects.toThrow();
    expect(await clips.findArtifact(id, 'clip-02.mp4')).not.toBeNull();
  });

  it('rolls back a replacement that fails half-way', async () => {
    const id = await newJob();
    await clips.replaceForJob(id, [clipRow(id, 0, 'kept')], [artifactRow(id, 'clip-01.mp4')]);
    const duplicate = clipRow(id, 0, 'dup');
    await expect(
      clips.replaceForJob(id, [clipRow(id, 0, 'x'), { ...duplicate }], []),
    ).rejects.toThrow();
    expect((await clips.listByJob(id)).map((c) => c.title)).toEqual(['kept']);
  });

  it('deletes clips and artifacts with their job', async () => {
    const id = await newJob();
    await clips.replaceForJob(id, [clipRow(id, 0, 'a')], [artifactRow(id, 'clip-01.mp4')]);
    await ds.getRepository(JobEntity).delete({ id });
    expect(await clips.listByJob(id)).toEqual([]);
    expect(await clips.listArtifacts(id)).toEqual([]);
  });

  it('migrates down and up again', async () => {
    await ds.undoLastMigration();
    expect(await ds.showMigrations()).toBe(true);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });
});
