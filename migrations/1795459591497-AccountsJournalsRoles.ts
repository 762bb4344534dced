import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions and emailed tokens; journal settings, sections, section editors and the
 * editorial board; per-journal roles; and the append-only audit log (a trigger refuses UPDATE,
 * DELETE and TRUNCATE on audit_events).
 */
export class AccountsJournalsRoles1795459591497 implements MigrationInterface {
  name = 'AccountsJournalsRoles1795459591497';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(320) NOT NULL,
                "email_verified_at" TIMESTAMP WITH TIME ZONE,
                "password_hash" character varying(200),
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "is_site_admin" boolean NOT NULL DEFAULT false,
                "names" jsonb NOT NULL DEFAULT '{}',
                "affiliation" character varying(300),
                "ror_id" character varying(40),
                "country" character varying(2),
                "orcid" character varying(19),
                "preferred_locale" character varying(5) NOT NULL DEFAULT 'ar',
                "review_interests" text array NOT NULL DEFAULT '{}',
                "bio" text,
                "available_for_review" boolean NOT NULL DEFAULT true,
                "max_concurrent_reviews" integer NOT NULL DEFAULT '3',
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "journal_roles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "granted_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "journal_roles_unique" UNIQUE ("journal_id", "user_id", "role"),
                CONSTRAINT "PK_21cff08b65736218f8ee94a7107" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "journal_roles_user_idx" ON "journal_roles" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "absolute_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ip" character varying(45),
                "user_agent" character varying(400),
                CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" character varying(32) NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_63764db9d9aaa4af33e07b2f4bf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "user_tokens_user_purpose_idx" ON "user_tokens" ("user_id", "purpose")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_kind" character varying(16) NOT NULL,
                "actor_ip" character varying(45),
                "journal_id" uuid,
                "object_type" character varying(40) NOT NULL,
                "object_id" uuid,
                "action" character varying(60) NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "correlation_id" character varying(128),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_object_idx" ON "audit_events" ("object_type", "object_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_journal_idx" ON "audit_events" ("journal_id", "occurred_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "editorial_board_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "names" jsonb NOT NULL,
                "role_titles" jsonb NOT NULL,
                "affiliations" jsonb NOT NULL DEFAULT '{}',
                "orcid" character varying(19),
                "seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_66c9f10f78bf22226ecabff29d8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "board_members_journal_idx" ON "editorial_board_members" ("journal_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "sections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "journal_id" uuid NOT NULL,
                "titles" jsonb NOT NULL,
                "abbreviations" jsonb NOT NULL DEFAULT '{}',
                "policies" jsonb NOT NULL DEFAULT '{}',
                "peer_reviewed" boolean NOT NULL DEFAULT true,
                "word_limit" integer,
                "open_for_submissions" boolean NOT NULL DEFAULT true,
                "seq" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f9749dd3bffd880a497d007e450" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sections_journal_idx" ON "sections" ("journal_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "section_editors" (
                "section_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_c25e352207344a855f70833bd36" PRIMARY KEY ("section_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_52dfa880a17d724a3b904cd98b" ON "section_editors" ("section_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8489f24a763d357dc9e6337792" ON "section_editors" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "abbreviations" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "descriptions" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "focus_and_scope" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "author_guidelines" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "privacy_statements" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "open_access_statements" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "publisher_place" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "contact_email" character varying(320)
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "doi_prefix" character varying(32)
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "doi_suffix_pattern" character varying(100) NOT NULL DEFAULT '{journal}.{year}.{article}'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "copyright_holder_rule" character varying(16) NOT NULL DEFAULT 'authors'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "review_policy" character varying(20) NOT NULL DEFAULT 'double_anonymous'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "review_response_days" integer NOT NULL DEFAULT '7'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "review_due_days" integer NOT NULL DEFAULT '28'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "review_reminder_days" integer NOT NULL DEFAULT '3'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "min_reviews_per_round" integer NOT NULL DEFAULT '2'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "submission_checklist" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ADD "max_upload_mb" integer NOT NULL DEFAULT '50'
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ALTER COLUMN "licence_url"
            SET DEFAULT 'https://creativecommons.org/licenses/by/4.0/'
        `);
    await queryRunner.query(`
            ALTER TABLE "journal_roles"
            ADD CONSTRAINT "FK_42ddcbf54880bb4f7b27e5bbdad" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "journal_roles"
            ADD CONSTRAINT "FK_fc5e1f0bdbf2eeddd87a00b7795" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_tokens"
            ADD CONSTRAINT "FK_9e144a67be49e5bba91195ef5de" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "editorial_board_members"
            ADD CONSTRAINT "FK_66d9893c6eb03c10757044c68ea" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sections"
            ADD CONSTRAINT "FK_4a68e67359f94f3024539f7b99c" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "section_editors"
            ADD CONSTRAINT "FK_52dfa880a17d724a3b904cd98b6" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "section_editors"
            ADD CONSTRAINT "FK_8489f24a763d357dc9e63377921" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_events_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "section_editors" DROP CONSTRAINT "FK_8489f24a763d357dc9e63377921"
        `);
    await queryRunner.query(`
            ALTER TABLE "section_editors" DROP CONSTRAINT "FK_52dfa880a17d724a3b904cd98b6"
        `);
    await queryRunner.query(`
            ALTER TABLE "sections" DROP CONSTRAINT "FK_4a68e67359f94f3024539f7b99c"
        `);
    await queryRunner.query(`
            ALTER TABLE "editorial_board_members" DROP CONSTRAINT "FK_66d9893c6eb03c10757044c68ea"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_tokens" DROP CONSTRAINT "FK_9e144a67be49e5bba91195ef5de"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"
        `);
    await queryRunner.query(`
            ALTER TABLE "journal_roles" DROP CONSTRAINT "FK_fc5e1f0bdbf2eeddd87a00b7795"
        `);
    await queryRunner.query(`
            ALTER TABLE "journal_roles" DROP CONSTRAINT "FK_42ddcbf54880bb4f7b27e5bbdad"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals"
            ALTER COLUMN "licence_url" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "max_upload_mb"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "submission_checklist"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "min_reviews_per_round"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "review_reminder_days"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "review_due_days"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "review_response_days"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "review_policy"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "copyright_holder_rule"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "doi_suffix_pattern"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "doi_prefix"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "contact_email"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "publisher_place"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "open_access_statements"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "privacy_statements"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "author_guidelines"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "focus_and_scope"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "descriptions"
        `);
    await queryRunner.query(`
            ALTER TABLE "journals" DROP COLUMN "abbreviations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8489f24a763d357dc9e6337792"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_52dfa880a17d724a3b904cd98b"
        `);
    await queryRunner.query(`
            DROP TABLE "section_editors"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sections_journal_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."board_members_journal_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "editorial_board_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_events_journal_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_events_object_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."user_tokens_user_purpose_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "user_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sessions_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."journal_roles_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "journal_roles"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
