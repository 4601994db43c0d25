import { MigrationInterface, QueryRunner } from 'typeorm';

export class TranscriptCacheFlagPostgres1764100000000 implements MigrationInterface {
  name = 'TranscriptCacheFlagPostgres1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "jobs" ADD COLUMN "transcript_cached" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "transcript_cached"`);
  }
}
