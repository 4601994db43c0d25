import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClipInsightsPostgres1764300000000 implements MigrationInterface {
  name = 'ClipInsightsPostgres1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "clips" ADD COLUMN "insights" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "clips" DROP COLUMN "insights"`);
  }
}
