import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far each participant has read each discussion (DiscussionRead), so that the author's
 * list and the API can say how many messages are unread. Existing discussions start with no
 * row: everything others wrote in them counts as unread until the thread is next opened.
 */
export class DiscussionReads1795640000000 implements MigrationInterface {
  name = 'DiscussionReads1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "discussion_reads" (
                "discussion_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "read_up_to" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_discussion_reads" PRIMARY KEY ("discussion_id", "user_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "discussion_reads"
            ADD CONSTRAINT "FK_fdcaebf1c2c834208ace4513525" FOREIGN KEY ("discussion_id") REFERENCES "discussions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "discussion_reads"
            ADD CONSTRAINT "FK_6ca522300e1c2eba3dae71de0f3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "discussion_reads"
        `);
  }
}
