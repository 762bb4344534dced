import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typesetting runs (an issue typeset whole, or an article's proof: queued, running with a step and
 * percent, succeeded with its outputs or failed with a readable error), and which run made a
 * galley, so that typesetting again replaces its own galleys and never an uploaded one.
 */
export class Typesetting1795560000000 implements MigrationInterface {
  name = 'Typesetting1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "typesetting_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "scope" character varying(12) NOT NULL,
                "issue_id" uuid,
                "submission_id" uuid,
                "status" character varying(12) NOT NULL DEFAULT 'queued',
                "percent" integer NOT NULL DEFAULT '0',
                "step" character varying(200) NOT NULL DEFAULT 'queued',
                "input_hash" character varying(64),
                "reused" boolean NOT NULL DEFAULT false,
                "outputs" jsonb NOT NULL DEFAULT '[]',
                "pages" integer,
                "error" text,
                "requested_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_02d8df62140e477da60f95246da" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "typesetting_runs_queued_idx" ON "typesetting_runs" ("created_at")
            WHERE status = 'queued'
        `);
    await queryRunner.query(`
            CREATE INDEX "typesetting_runs_submission_idx" ON "typesetting_runs" ("submission_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "typesetting_runs_issue_idx" ON "typesetting_runs" ("issue_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "galleys"
            ADD "typesetting_run_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs"
            ADD CONSTRAINT "FK_2ac55ca6d25a0fc00ec460351ff" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs"
            ADD CONSTRAINT "FK_2a877eb29e41d9f4a8977726388" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs"
            ADD CONSTRAINT "FK_31302eedcd4ed2a0917c3fbf687" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "galleys"
            ADD CONSTRAINT "FK_0a06960a3e8af94a84d92a3ce4d" FOREIGN KEY ("typesetting_run_id") REFERENCES "typesetting_runs"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "galleys" DROP CONSTRAINT "FK_0a06960a3e8af94a84d92a3ce4d"
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs" DROP CONSTRAINT "FK_31302eedcd4ed2a0917c3fbf687"
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs" DROP CONSTRAINT "FK_2a877eb29e41d9f4a8977726388"
        `);
    await queryRunner.query(`
            ALTER TABLE "typesetting_runs" DROP CONSTRAINT "FK_2ac55ca6d25a0fc00ec460351ff"
        `);
    await queryRunner.query(`
            ALTER TABLE "galleys" DROP COLUMN "typesetting_run_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."typesetting_runs_issue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."typesetting_runs_submission_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."typesetting_runs_queued_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "typesetting_runs"
        `);
  }
}
