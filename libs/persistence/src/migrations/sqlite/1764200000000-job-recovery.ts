import { MigrationInterface, QueryRunner } from 'typeorm';

/** Checkpoints for resuming jobs, the worker that runs a job, and a note on why a job stands as it does. */
export class JobRecoverySqlite1764200000000 implements MigrationInterface {
  name = 'JobRecoverySqlite1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "checkpoint" text`);
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "worker_id" varchar(128)`);
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "notice" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['checkpoint', 'worker_id', 'notice'])
      await q.query(`ALTER TABLE "jobs" DROP COLUMN "${column}"`);
  }
}
