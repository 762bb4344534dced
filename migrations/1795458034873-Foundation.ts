import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1795458034873 implements MigrationInterface {
  name = 'Foundation1795458034873';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "journals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(64) NOT NULL,
                "titles" jsonb NOT NULL,
                "primary_locale" character varying(5) NOT NULL,
                "additional_locales" character varying(5) array NOT NULL DEFAULT '{}',
                "online_issn" character varying(9),
                "print_issn" character varying(9),
                "publisher_name" character varying(300) NOT NULL,
                "licence_url" character varying(300) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_8061c797e09cde9f8d51113f9d0" UNIQUE ("slug"),
                CONSTRAINT "UQ_320e4ee7ecc81d02adb4332adff" UNIQUE ("online_issn"),
                CONSTRAINT "UQ_8cbb41910571e859bf8f8dfe32a" UNIQUE ("print_issn"),
                CONSTRAINT "PK_157a30136385dd81cdd19111380" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template" character varying(100) NOT NULL,
                "locale" character varying(5) NOT NULL,
                "recipient_email" character varying(320) NOT NULL,
                "recipient_name" character varying(300),
                "payload" jsonb NOT NULL DEFAULT '{}',
                "journal_id" uuid,
                "dedupe_key" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "relayed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_messages_unrelayed_idx" ON "outbox_messages" ("created_at")
            WHERE relayed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "email_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "outbox_message_id" uuid NOT NULL,
                "recipient_email" character varying(320) NOT NULL,
                "template" character varying(100) NOT NULL,
                "locale" character varying(5) NOT NULL,
                "subject" text,
                "status" character varying(16) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "provider_message_id" text,
                "last_error" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_8d63c485dd4b1d102d5335e858" UNIQUE ("outbox_message_id"),
                CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages"
            ADD CONSTRAINT "FK_d3043b77799c21ad519a5d6c4bb" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "email_deliveries"
            ADD CONSTRAINT "FK_8d63c485dd4b1d102d5335e8582" FOREIGN KEY ("outbox_message_id") REFERENCES "outbox_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_8d63c485dd4b1d102d5335e8582"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_d3043b77799c21ad519a5d6c4bb"
        `);
    await queryRunner.query(`
            DROP TABLE "email_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_messages_unrelayed_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP TABLE "journals"
        `);
  }
}
