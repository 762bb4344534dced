import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each review's lock version: every change to the review bumps it, and a save or a submission
 * that says which version it was made on is refused when another came first (the API's
 * `lockVersion`, the review page's `version`), so two clients no longer overwrite each other.
 */
export class ReviewLockVersion1795647000000 implements MigrationInterface {
  name = 'ReviewLockVersion1795647000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reviews"
            ADD "lock_version" integer NOT NULL DEFAULT 1
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reviews" DROP COLUMN "lock_version"
        `);
  }
}
