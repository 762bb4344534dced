import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every file that crosses the anonymity line has an anonymisation report; an author's file the
 * pipeline cannot clean is held back from double-anonymous reviewers until an editor releases it.
 */
export class FileAnonymisationReports1795590000000 implements MigrationInterface {
  name = 'FileAnonymisationReports1795590000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submission_files"
            ADD "held_reason" text,
            ADD "released_at" TIMESTAMP(3) WITH TIME ZONE,
            ADD "released_by" uuid
        `);
    // Files uploaded before every genre was cleaned have no review copy: hold them, saying why,
    // rather than let a double-anonymous reviewer receive the original.
    await queryRunner.query(`
            UPDATE "submission_files"
               SET "held_reason" = 'Uploaded before Tahkim cleaned files of this kind: check it, or ask the author for a new upload, before releasing it to reviewers'
             WHERE "anonymised_key" IS NULL
               AND "genre" NOT IN ('cover_letter', 'copyedited', 'galley')
        `);
    await queryRunner.query(`ALTER TABLE "review_files" ADD "anonymisation" jsonb`);
    await queryRunner.query(`ALTER TABLE "decision_attachments" ADD "anonymisation" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_attachments" DROP COLUMN "anonymisation"`);
    await queryRunner.query(`ALTER TABLE "review_files" DROP COLUMN "anonymisation"`);
    await queryRunner.query(`
            ALTER TABLE "submission_files"
            DROP COLUMN "released_by",
            DROP COLUMN "released_at",
            DROP COLUMN "held_reason"
        `);
  }
}
