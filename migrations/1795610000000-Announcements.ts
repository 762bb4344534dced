import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journals' announcements (calls for papers, news, deadlines moved), per language: drafts
 * until they have a publication time, which may be still to come, and an optional expiry.
 * Written by hand; the constraint names are those TypeORM gives the entity's. The public list
 * reads a journal's newest first, hence the index's order.
 */
export class Announcements1795610000000 implements MigrationInterface {
  name = 'Announcements1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "announcements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "titles" jsonb NOT NULL,
                "bodies" jsonb NOT NULL DEFAULT '{}',
                "summaries" jsonb NOT NULL DEFAULT '{}',
                "published_at" TIMESTAMP(3) WITH TIME ZONE,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE,
                "lock_version" integer NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "announcements_journal_published_idx" ON "announcements" ("journal_id", "published_at" DESC)
        `);
    await queryRunner.query(`
            ALTER TABLE "announcements"
            ADD CONSTRAINT "FK_379dffae21e05b9da61e4fcad3c" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "announcements" DROP CONSTRAINT "FK_379dffae21e05b9da61e4fcad3c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."announcements_journal_published_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "announcements"
        `);
  }
}
