import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Submissions: the manuscript with its per-language metadata, contributors, file versions,
 * copyright agreement, history and assigned editors; journals say in which languages every
 * submission also needs a title and abstract.
 */
export class Submissions1795462787479 implements MigrationInterface {
  name = 'Submissions1795462787479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "section_id" uuid NOT NULL,
                "submitter_id" uuid NOT NULL,
                "number" character varying(40),
                "stage" character varying(16) NOT NULL DEFAULT 'draft',
                "locale" character varying(5) NOT NULL,
                "funding" text,
                "competing_interests" text,
                "data_availability" text,
                "references" text array NOT NULL DEFAULT '{}',
                "comments_to_editor" text,
                "checklist_confirmed" jsonb NOT NULL DEFAULT '[]',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawal_reason" text,
                "lock_version" integer NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "submissions_journal_number_unique" UNIQUE ("journal_id", "number"),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "submissions_submitter_idx" ON "submissions" ("submitter_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "submissions_journal_stage_idx" ON "submissions" ("journal_id", "stage", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "copyright_agreements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "terms_text" text NOT NULL,
                "terms_version" character varying(64) NOT NULL,
                "licence_url" character varying(300) NOT NULL,
                "ip" character varying(45),
                "agreed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f7190ddbee736d6b480ec0ab30d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "contributors" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "names" jsonb NOT NULL,
                "email" character varying(320) NOT NULL,
                "affiliation" character varying(300),
                "country" character varying(2),
                "orcid" character varying(19),
                "role" character varying(16) NOT NULL DEFAULT 'author',
                "corresponding" boolean NOT NULL DEFAULT false,
                "in_byline" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_c94ff4e6bca235dc30625c92c90" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "contributors_submission_idx" ON "contributors" ("submission_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_editors" (
                "submission_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a8412060e1652d2505d0729074e" PRIMARY KEY ("submission_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "kind" character varying(40) NOT NULL,
                "author_visible" boolean NOT NULL DEFAULT false,
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_9d543c147bfdb64e11af9f09c83" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "submission_events_submission_idx" ON "submission_events" ("submission_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "genre" character varying(16) NOT NULL,
                "version" integer NOT NULL,
                "storage_key" character varying(64) NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "size" bigint NOT NULL,
                "media_type" character varying(120) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "anonymised_key" character varying(64),
                "anonymisation" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5a50c4ff6bd91c77fe659c86b6f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "submission_files_submission_idx" ON "submission_files" ("submission_id", "genre", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_metadata" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "locale" character varying(5) NOT NULL,
                "title" text NOT NULL,
                "subtitle" text,
                "abstract" text,
                "keywords" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "submission_metadata_locale_unique" UNIQUE ("submission_id", "locale"),
                CONSTRAINT "PK_3af30ae063731330932af5a05c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "required_abstract_locales" character varying(5) array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_48592d53003b87e3490e4262b56" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_a6acc094d1c46e8e41bf680c1d7" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_80bb6c5051423ca3e6c5bbbdbe2" FOREIGN KEY ("submitter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "copyright_agreements"
            ADD CONSTRAINT "FK_d3fb847dfc906606e942d03cb37" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contributors"
            ADD CONSTRAINT "FK_ee9bb920eca4197858076a82d21" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_editors"
            ADD CONSTRAINT "FK_29ec62046c03532a9350e666d46" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_editors"
            ADD CONSTRAINT "FK_6368b9c4c798652d7dac1f6e170" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_events"
            ADD CONSTRAINT "FK_8c2bb197e4311c469005597a877" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_files"
            ADD CONSTRAINT "FK_2922aa3bbea583473e9b510618c" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_metadata"
            ADD CONSTRAINT "FK_81315ac09c33118bcac8468d08c" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submission_metadata" DROP CONSTRAINT "FK_81315ac09c33118bcac8468d08c"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_files" DROP CONSTRAINT "FK_2922aa3bbea583473e9b510618c"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_events" DROP CONSTRAINT "FK_8c2bb197e4311c469005597a877"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_editors" DROP CONSTRAINT "FK_6368b9c4c798652d7dac1f6e170"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_editors" DROP CONSTRAINT "FK_29ec62046c03532a9350e666d46"
        `);
    await queryRunner.query(`
            ALTER TABLE "contributors" DROP CONSTRAINT "FK_ee9bb920eca4197858076a82d21"
        `);
    await queryRunner.query(`
            ALTER TABLE "copyright_agreements" DROP CONSTRAINT "FK_d3fb847dfc906606e942d03cb37"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_80bb6c5051423ca3e6c5bbbdbe2"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_a6acc094d1c46e8e41bf680c1d7"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_48592d53003b87e3490e4262b56"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "required_abstract_locales"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_metadata"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."submission_files_submission_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."submission_events_submission_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_events"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_editors"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contributors_submission_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "contributors"
        `);
    await queryRunner.query(`
            DROP TABLE "copyright_agreements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."submissions_journal_stage_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."submissions_submitter_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "submissions"
        `);
  }
}
