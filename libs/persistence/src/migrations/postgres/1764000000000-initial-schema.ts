import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchemaPostgres1764000000000 implements MigrationInterface {
  name = 'InitialSchemaPostgres1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "jobs" (
      "id" varchar(36) PRIMARY KEY,
      "status" varchar(16) NOT NULL,
      "stage" varchar(16),
      "progress" integer NOT NULL DEFAULT 0,
      "error_code" varchar(64),
      "error_message" text,
      "source_key" varchar(512) NOT NULL,
      "source_filename" varchar(255) NOT NULL,
      "source_metadata" text,
      "options" text NOT NULL,
      "stage_timings" text,
      "transcript_key" varchar(512),
      "language" varchar(16),
      "created_at" timestamp NOT NULL DEFAULT now(),
      "updated_at" timestamp NOT NULL DEFAULT now(),
      "completed_at" timestamp
    )`);
    await q.query(`CREATE INDEX "idx_jobs_status" ON "jobs" ("status")`);
    await q.query(`CREATE TABLE "clips" (
      "id" varchar(36) PRIMARY KEY,
      "job_id" varchar(36) NOT NULL REFERENCES "jobs" ("id") ON DELETE CASCADE,
      "clip_index" integer NOT NULL,
      "start_sec" double precision NOT NULL,
      "end_sec" double precision NOT NULL,
      "score" double precision NOT NULL,
      "title" varchar(255) NOT NULL,
      "text" text NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "video_filename" varchar(255) NOT NULL,
      "srt_filename" varchar(255) NOT NULL,
      "vtt_filename" varchar(255) NOT NULL,
      "created_at" timestamp NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX "uq_clips_job_index" ON "clips" ("job_id", "clip_index")`);
    await q.query(`CREATE TABLE "artifacts" (
      "id" varchar(36) PRIMARY KEY,
      "job_id" varchar(36) NOT NULL REFERENCES "jobs" ("id") ON DELETE CASCADE,
      "kind" varchar(32) NOT NULL,
      "filename" varchar(255) NOT NULL,
      "storage_key" varchar(512) NOT NULL,
      "content_type" varchar(128) NOT NULL,
      "size_bytes" bigint NOT NULL,
      "created_at" timestamp NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_artifacts_job_filename" ON "artifacts" ("job_id", "filename")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "artifacts"`);
    await q.query(`DROP TABLE "clips"`);
    await q.query(`DROP TABLE "jobs"`);
  }
}
