import { MigrationInterface, QueryRunner } from 'typeorm';

/** Authors' and editors' answers to proofs: approved, or corrections sent (in a discussion). */
export class ProofResponses1795580000000 implements MigrationInterface {
  name = 'ProofResponses1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "proof_responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "run_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "response" character varying(12) NOT NULL,
                "discussion_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "proof_responses_run_user_unique" UNIQUE ("run_id", "user_id"),
                CONSTRAINT "PK_d2e4daa7c06db7575fa9ee91360" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "proof_responses"
            ADD CONSTRAINT "FK_4de8172c06107b31db2a6a1860d" FOREIGN KEY ("run_id") REFERENCES "typesetting_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "proof_responses"
            ADD CONSTRAINT "FK_17c534e8b4f517f227e0d86ef07" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "proof_responses" DROP CONSTRAINT "FK_17c534e8b4f517f227e0d86ef07"
        `);
    await queryRunner.query(`
            ALTER TABLE "proof_responses" DROP CONSTRAINT "FK_4de8172c06107b31db2a6a1860d"
        `);
    await queryRunner.query(`
            DROP TABLE "proof_responses"
        `);
  }
}
