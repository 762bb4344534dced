import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each journal's publication ethics policy, per language, shown on its about page. */
export class PublicationEthics1795620000000 implements MigrationInterface {
  name = 'PublicationEthics1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "publication_ethics" jsonb NOT NULL DEFAULT '{}'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "publication_ethics"
        `);
  }
}
