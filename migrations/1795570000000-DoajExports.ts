import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DOAJ article uploads, one per request: written when an issue (or a correction in it) is
 * published, built by the worker, downloaded by the editors.
 */
export class DoajExports1795570000000 implements MigrationInterface {
  name = 'DoajExports1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "doaj_exports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "issue_id" uuid NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'pending',
                "storage_key" character varying(64),
                "sha256" character varying(64),
                "articles" integer NOT NULL DEFAULT '0',
                "error" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "built_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_2842a2ef0a8b2ef541bcf0a7ba7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "doaj_exports_pending_idx" ON "doaj_exports" ("created_at")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "doaj_exports_issue_idx" ON "doaj_exports" ("issue_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "doaj_exports"
            ADD CONSTRAINT "FK_7d167be23d72844b6d64184e06c" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "doaj_exports" DROP CONSTRAINT "FK_7d167be23d72844b6d64184e06c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."doaj_exports_issue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."doaj_exports_pending_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "doaj_exports"
        `);
  }
}
