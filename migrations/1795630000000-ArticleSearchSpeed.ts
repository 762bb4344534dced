import { MigrationInterface, QueryRunner } from 'typeorm';
import type { Locale } from '../src/common/i18n/locale';
import type {
  PublishedContributor,
  PublishedMetadata,
} from '../src/publishing/entities/publication.entity';
import { SUPPORTED_LOCALES } from '../src/common/i18n/locale';
import {
  LANGUAGE_BITS,
  languageMaskOf,
  searchDocumentOf,
} from '../src/publishing/search/search-document';

/** How many documents the rewrite reads per statement. */
const BATCH = 500;

/** The search's GIN indexes made by migration ArticleSearch. */
const EARLIER_GIN_INDEXES = [
  'article_search_documents_words_idx',
  'article_search_words_trigram_idx',
];

/**
 * What lets the public search find its results page without scoring every match
 * (SearchDocumentsRepository.search): the journal's articles in rank order of recency (the
 * newest issue first, then the order), and a GIN index over the words of the normalised
 * titles, which finds the articles with every typed word in their title (the highest score).
 * And the search's GIN indexes without a pending list (fastupdate off): what a publication
 * writes goes into the index at once, so no search reads through all that was written since
 * the last vacuum. Each search reads them; a publication writes a few hundred entries.
 * And a narrower row, which every search reads for each match: each document's
 * `abstract_overlap` rewritten as what the abstracts share with the keywords and names
 * (sharedWithAbstract) rather than the abstract words that may, a fifth of the size (ranking
 * reads either alike, so going back leaves it); and the languages as a mask of bits
 * (LANGUAGE_BITS), which the facets group by and the filter tests for less than a list. Written
 * by hand: TypeORM declares neither a descending, an expression nor a GIN index.
 */
export class ArticleSearchSpeed1795630000000 implements MigrationInterface {
  name = 'ArticleSearchSpeed1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "article_search_documents_recency_idx" ON "article_search_documents"
            ("journal_id", "year" DESC, "volume" DESC, "number" DESC, "seq", "submission_id")
        `);
    // The title's words as the search's field test reads them: normalised, one space apart.
    await queryRunner.query(`
            CREATE INDEX "article_search_documents_title_words_idx" ON "article_search_documents"
            USING GIN (string_to_array("title", ' ')) WITH (fastupdate = off)
        `);
    for (const index of EARLIER_GIN_INDEXES) {
      await queryRunner.query(`ALTER INDEX "public"."${index}" SET (fastupdate = off)`);
      // What is pending already goes into the index now.
      await queryRunner.query(`SELECT gin_clean_pending_list('public."${index}"'::regclass)`);
    }
    await queryRunner.query(`
            ALTER TABLE "article_search_documents" ADD "language_mask" smallint NOT NULL DEFAULT 0
        `);
    await rewrite(queryRunner);
    await queryRunner.query(`
            ALTER TABLE "article_search_documents" ALTER COLUMN "language_mask" DROP DEFAULT
        `);
    await queryRunner.query(`ALTER TABLE "article_search_documents" DROP COLUMN "languages"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // What the abstracts share stays: ranking before this read it as it reads the old words.
    await queryRunner.query(`
            ALTER TABLE "article_search_documents" ADD "languages" text array NOT NULL DEFAULT '{}'
        `);
    const languages = SUPPORTED_LOCALES.map(
      (locale) => `CASE WHEN language_mask & ${LANGUAGE_BITS[locale]} <> 0 THEN '${locale}' END`,
    );
    await queryRunner.query(
      `UPDATE article_search_documents SET languages = array_remove(ARRAY[${languages.join(', ')}], NULL)`,
    );
    await queryRunner.query(`
            ALTER TABLE "article_search_documents"
            ALTER COLUMN "languages" DROP DEFAULT,
            ALTER COLUMN "languages" SET STORAGE MAIN
        `);
    await queryRunner.query(`ALTER TABLE "article_search_documents" DROP COLUMN "language_mask"`);
    for (const index of EARLIER_GIN_INDEXES)
      await queryRunner.query(`ALTER INDEX "public"."${index}" RESET (fastupdate)`);
    await queryRunner.query(`DROP INDEX "public"."article_search_documents_title_words_idx"`);
    await queryRunner.query(`DROP INDEX "public"."article_search_documents_recency_idx"`);
  }
}

interface IndexedArticle {
  submission_id: string;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: PublishedContributor[];
}

/**
 * Every document's abstract_overlap and language_mask, from the version it was made of, as
 * publishing writes them.
 */
async function rewrite(queryRunner: QueryRunner): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const articles: IndexedArticle[] = await queryRunner.query(
      `SELECT d.submission_id, p.metadata, p.contributors
         FROM article_search_documents d JOIN publications p ON p.id = d.publication_id
        WHERE d.submission_id > $1
        ORDER BY d.submission_id
        LIMIT ${BATCH}`,
      [after],
    );
    if (articles.length === 0) return;
    const rewritten = articles.map(({ submission_id, metadata, contributors }) => {
      const document = searchDocumentOf({ metadata, contributors });
      return {
        submission_id,
        shared: document.abstractOverlap,
        mask: languageMaskOf(document.languages),
      };
    });
    await queryRunner.query(
      `UPDATE article_search_documents d SET abstract_overlap = r.shared, language_mask = r.mask
         FROM jsonb_to_recordset($1::jsonb) AS r(submission_id uuid, shared text, mask smallint)
        WHERE d.submission_id = r.submission_id`,
      [JSON.stringify(rewritten)],
    );
    after = articles[articles.length - 1].submission_id;
  }
}
