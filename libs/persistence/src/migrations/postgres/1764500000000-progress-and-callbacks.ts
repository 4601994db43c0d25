import { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress within a stage and its estimated end; a completion callback and its deliveries. */
export class ProgressAndCallbacksPostgres1764500000000 implements MigrationInterface {
  name = 'ProgressAndCallbacksPostgres1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "stage_progress" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "eta_at" timestamp`);
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "callback_url" varchar(2048)`);
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "webhook_deliveries" text`);
    await q.query(`CREATE INDEX "IDX_jobs_created_at" ON "jobs" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_jobs_created_at"`);
    for (const column of ['webhook_deliveries', 'callback_url', 'eta_at', 'stage_progress'])
      await q.query(`ALTER TABLE "jobs" DROP COLUMN "${column}"`);
  }
}
