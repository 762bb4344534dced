import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching and listing submissions: a folded full-text vector with a GIN index (written by hand:
 * TypeORM cannot declare one) and a keyset index for the editors' listing.
 */
export class SubmissionSearch1795462904002 implements MigrationInterface {
  name = 'SubmissionSearch1795462904002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD "search_vector" tsvector
        `);
    await queryRunner.query(`
            CREATE INDEX "submissions_listing_idx" ON "submissions" ("journal_id", "submitted_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "submissions_search_idx" ON "submissions" USING GIN ("search_vector")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."submissions_search_idx"`);
    await queryRunner.query(`
            DROP INDEX "public"."submissions_listing_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP COLUMN "search_vector"
        `);
  }
}
