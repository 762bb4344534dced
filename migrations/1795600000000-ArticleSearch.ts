import { MigrationInterface, QueryRunner } from 'typeorm';
import type { Locale } from '../src/common/i18n/locale';
import type {
  PublishedContributor,
  PublishedMetadata,
} from '../src/publishing/entities/publication.entity';
import { searchDocumentOf } from '../src/publishing/search/search-document';

/** How many articles the backfill writes per statement. */
const BATCH = 500;

/**
 * The public search over published articles: one document per article (its newest published
 * version in a published issue) with its texts normalised in TypeScript (search-text.ts) and
 * its distinct words under a GIN index; and the vocabulary of those words under a trigram GIN
 * index (pg_trgm, a trusted extension: the database's owner may create it), where a typed word
 * is found inside longer ones. Written by hand: TypeORM declares neither index nor the storage.
 * Backfilled from what is published now, with this version's normalisation.
 */
export class ArticleSearch1795600000000 implements MigrationInterface {
  name = 'ArticleSearch1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE TABLE "article_search_documents" (
                "submission_id" uuid NOT NULL,
                "publication_id" uuid NOT NULL,
                "journal_id" uuid NOT NULL,
                "issue_id" uuid NOT NULL,
                "section_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "volume" integer NOT NULL,
                "number" integer NOT NULL,
                "seq" integer NOT NULL,
                "languages" text array NOT NULL,
                "title" text NOT NULL,
                "keywords" text NOT NULL,
                "authors" text NOT NULL,
                "abstract_overlap" text NOT NULL,
                "words" text array NOT NULL,
                CONSTRAINT "PK_88fc85b7c94f5bbb04f4d1d4fac" PRIMARY KEY ("submission_id")
            )
        `);
    // A search reads the short texts and the languages of every match (ranking, facets): they
    // stay in the row, uncompressed while it fits (2 kB). The words leave it first, uncompressed:
    // only the GIN index reads them.
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ALTER COLUMN "words" SET STORAGE EXTERNAL,
            ALTER COLUMN "languages" SET STORAGE MAIN,
            ALTER COLUMN "title" SET STORAGE MAIN,
            ALTER COLUMN "keywords" SET STORAGE MAIN,
            ALTER COLUMN "authors" SET STORAGE MAIN,
            ALTER COLUMN "abstract_overlap" SET STORAGE MAIN
        `);
    await queryRunner.query(`
            CREATE INDEX "article_search_documents_issue_idx" ON "article_search_documents" ("issue_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "article_search_documents_words_idx" ON "article_search_documents" USING GIN ("words")
        `);
    await queryRunner.query(`
            CREATE TABLE "article_search_words" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "word" text NOT NULL,
                CONSTRAINT "PK_8c5d58accfe634692df2f45e641" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "article_search_words_word_unique" ON "article_search_words" ("word")
        `);
    await queryRunner.query(`
            CREATE INDEX "article_search_words_trigram_idx" ON "article_search_words" USING GIN ("word" gin_trgm_ops)
        `);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ADD CONSTRAINT "FK_88fc85b7c94f5bbb04f4d1d4fac" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ADD CONSTRAINT "FK_de2e10cf947f53603f61b8dce16" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ADD CONSTRAINT "FK_2dddf29c8f5675b87fd2133219b" FOREIGN KEY ("journal_id") REFERENCES "journals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ADD CONSTRAINT "FK_2333b99f11720d01a82a5c56391" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ADD CONSTRAINT "FK_2f9e20b4f9fd4b6071a6451a24e" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await backfill(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const constraint of [
      'FK_2f9e20b4f9fd4b6071a6451a24e',
      'FK_2333b99f11720d01a82a5c56391',
      'FK_2dddf29c8f5675b87fd2133219b',
      'FK_de2e10cf947f53603f61b8dce16',
      'FK_88fc85b7c94f5bbb04f4d1d4fac',
    ])
      await queryRunner.query(
        `ALTER TABLE "article_search_documents" DROP CONSTRAINT "${constraint}"`,
      );
    await queryRunner.query(`DROP INDEX "public"."article_search_words_trigram_idx"`);
    await queryRunner.query(`DROP INDEX "public"."article_search_words_word_unique"`);
    await queryRunner.query(`DROP TABLE "article_search_words"`);
    await queryRunner.query(`DROP INDEX "public"."article_search_documents_words_idx"`);
    await queryRunner.query(`DROP INDEX "public"."article_search_documents_issue_idx"`);
    await queryRunner.query(`DROP TABLE "article_search_documents"`);
    // Refused (as it should be) if something else came to use the extension meanwhile.
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}

interface PublishedArticle {
  submission_id: string;
  publication_id: string;
  journal_id: string;
  issue_id: string;
  section_id: string;
  year: number;
  volume: number;
  number: number;
  seq: number;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: PublishedContributor[];
}

/** Every article published so far: its newest published version in a published issue. */
async function backfill(queryRunner: QueryRunner): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const articles: PublishedArticle[] = await queryRunner.query(
      `SELECT DISTINCT ON (p.submission_id)
              p.submission_id, p.id AS publication_id, i.journal_id, p.issue_id, p.section_id,
              i.year, i.volume, i.number, p.seq, p.metadata, p.contributors
         FROM publications p JOIN issues i ON i.id = p.issue_id
        WHERE p.status = 'published' AND i.status = 'published' AND p.submission_id > $1
        ORDER BY p.submission_id, p.version DESC
        LIMIT ${BATCH}`,
      [after],
    );
    if (articles.length === 0) return;
    const documents = articles.map(({ metadata, contributors, ...article }) => ({
      ...article,
      ...searchDocumentOf({ metadata, contributors }),
    }));
    await queryRunner.query(
      `INSERT INTO article_search_documents
              (submission_id, publication_id, journal_id, issue_id, section_id, year, volume,
               number, seq, languages, title, keywords, authors, abstract_overlap, words)
       SELECT d.submission_id, d.publication_id, d.journal_id, d.issue_id, d.section_id, d.year,
              d.volume, d.number, d.seq, ARRAY(SELECT jsonb_array_elements_text(d.languages)), d.title,
              d.keywords, d.authors, d."abstractOverlap",
              ARRAY(SELECT jsonb_array_elements_text(d.words))
         FROM jsonb_to_recordset($1::jsonb) AS d(submission_id uuid, publication_id uuid,
              journal_id uuid, issue_id uuid, section_id uuid, year int, volume int, number int, seq int,
              languages jsonb, title text, keywords text, authors text, "abstractOverlap" text,
              words jsonb)`,
      [JSON.stringify(documents)],
    );
    await queryRunner.query(
      `INSERT INTO article_search_words (word)
       SELECT DISTINCT w FROM unnest($1::text[]) w ORDER BY w ON CONFLICT (word) DO NOTHING`,
      [documents.flatMap((document) => document.words)],
    );
    after = articles[articles.length - 1].submission_id;
  }
}
