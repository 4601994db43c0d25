import { MigrationInterface, QueryRunner } from 'typeorm';

export class TranscriptCacheFlagSqlite1764100000000 implements MigrationInterface {
  name = 'TranscriptCacheFlagSqlite1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "transcript_cached" boolean NOT NULL DEFAULT (0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "transcript_cached"`);
  }
}
