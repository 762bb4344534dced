import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Journal } from '../../../journals/journal.entity';
import { Section } from '../../../journals/section.entity';
import { Submission } from '../../../submissions/entities/submission.entity';
import { Issue } from '../../entities/issue.entity';
import { Publication } from '../../entities/publication.entity';

/**
 * What the public search reads of a published article: one row per article, made from its
 * newest published version in a published issue, its texts normalised (search-text.ts), kept in
 * step by SearchIndex in the transaction that publishes or takes back. Never anything else.
 */
@Entity('article_search_documents')
@Index('article_search_documents_issue_idx', ['issueId'])
// A GIN index over `words`, written by hand in the migration (TypeORM cannot declare one).
@Index('article_search_documents_words_idx', { synchronize: false })
// Written by hand too (migration ArticleSearchSpeed): the journal's articles newest first in
// rank order, and a GIN index over the title's words (string_to_array(title, ' ')).
@Index('article_search_documents_recency_idx', { synchronize: false })
@Index('article_search_documents_title_words_idx', { synchronize: false })
export class ArticleSearchDocument {
  @PrimaryColumn({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The version indexed: the newest published one. */
  @Column({ type: 'uuid' })
  publicationId: string;

  @ManyToOne(() => Publication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publication_id' })
  publication?: Publication;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => Journal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'journal_id' })
  journal?: Journal;

  @Column({ type: 'uuid' })
  issueId: string;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Issue;

  @Column({ type: 'uuid' })
  sectionId: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: Section;

  /** The issue's year: what the article is cited by, and what the year filter means. */
  @Column({ type: 'int' })
  year: number;

  // With the year, what recency means in the ranking: the newest issue first, then the issue's
  // order. (Not a date: dates can be moved, as the demo moves its story's into the past.)
  @Column({ type: 'int' })
  volume: number;

  @Column({ type: 'int' })
  number: number;

  /** The article's place in its issue's table of contents. */
  @Column({ type: 'int' })
  seq: number;

  /** The languages the article has a title in, a bit each (LANGUAGE_BITS in search-document.ts). */
  @Column({ type: 'smallint' })
  languageMask: number;

  // The texts, normalised (search-text.ts), in the row: ranking reads them for every match it
  // scores. The words are kept out of it (see the migration): only the GIN index reads them.

  /** Titles and subtitles in every language. */
  @Column({ type: 'text' })
  title: string;

  /** Keywords in every language. */
  @Column({ type: 'text' })
  keywords: string;

  /** The contributors' names in each of their scripts. */
  @Column({ type: 'text' })
  authors: string;

  /** What the abstracts share with the keywords and names (see search-document.ts). */
  @Column({ type: 'text' })
  abstractOverlap: string;

  /** Every distinct word of titles, abstracts, keywords and names: what the GIN index finds the article by. */
  @Column({ type: 'text', array: true })
  words: string[];
}
