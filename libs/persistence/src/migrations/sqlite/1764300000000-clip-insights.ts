import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClipInsightsSqlite1764300000000 implements MigrationInterface {
  name = 'ClipInsightsSqlite1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "clips" ADD COLUMN "insights" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "clips" DROP COLUMN "insights"`);
  }
}
