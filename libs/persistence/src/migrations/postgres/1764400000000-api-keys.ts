import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys (hashes only) and the key that owns each job (null: made while auth was off). */
export class ApiKeysPostgres1764400000000 implements MigrationInterface {
  name = 'ApiKeysPostgres1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "api_keys" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "prefix" varchar(24) NOT NULL, "secret_hash" varchar(64) NOT NULL, "created_at" timestamp NOT NULL DEFAULT now(), "last_used_at" timestamp, "revoked_at" timestamp, CONSTRAINT "UQ_api_keys_secret_hash" UNIQUE ("secret_hash"))`,
    );
    await q.query(`ALTER TABLE "jobs" ADD COLUMN "owner_key_id" varchar(36)`);
    await q.query(`CREATE INDEX "IDX_jobs_owner_key_id" ON "jobs" ("owner_key_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_jobs_owner_key_id"`);
    await q.query(`ALTER TABLE "jobs" DROP COLUMN "owner_key_id"`);
    await q.query(`DROP TABLE "api_keys"`);
  }
}
