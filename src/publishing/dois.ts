import { renderDoiSuffix } from '../common/identifiers/doi';
import type { Journal } from '../journals';
import type { Issue } from './entities/issue.entity';
import { publishingProblems } from './publishing.problems';

/** What minting asks of the DOI table (in the transaction that mints). */
export interface DoiStore {
  /** The DOI the article has already, if any. */
  existing(submissionId: string): Promise<string | null>;
  /** One minting at a time per journal, until the transaction ends. */
  lockMinting(journalId: string): Promise<void>;
  /** How many DOIs the journal has minted (they are never deleted). */
  count(journalId: string): Promise<number>;
  /** Whether any article has this DOI, regardless of case. */
  taken(doi: string): Promise<boolean>;
  insert(row: { doi: string; submissionId: string; journalId: string }): Promise<void>;
}

/**
 * Mints the article's DOI from the journal's prefix and suffix pattern, once: the DOI stays
 * with the article for good, across versions, and is never given to another. 409 when the
 * pattern renders a DOI that exists already (a pattern without enough to tell articles apart).
 */
export async function mintDoiIn(
  store: DoiStore,
  journal: Journal,
  article: { id: string; number: string | null },
  issue: Pick<Issue, 'year' | 'volume' | 'number'> | null,
): Promise<string | null> {
  const existing = await store.existing(article.id);
  if (existing) return existing;
  if (!journal.doiPrefix) return null;
  // One minting at a time per journal: the article ordinal below must not be taken twice.
  await store.lockMinting(journal.id);
  // {article}: the article's ordinal among the journal's DOIs, which are never deleted.
  const ordinal = (await store.count(journal.id)) + 1;
  let suffix: string;
  try {
    suffix = renderDoiSuffix(journal.doiSuffixPattern, {
      journal: journal.slug,
      year: issue?.year ?? new Date().getUTCFullYear(),
      volume: issue?.volume,
      issue: issue?.number,
      article: ordinal,
      submission: article.number ?? undefined,
    });
  } catch (error) {
    throw publishingProblems.raise(
      'doi-pattern',
      `No DOI can be made: ${(error as Error).message}`,
    );
  }
  const doi = `${journal.doiPrefix}/${suffix}`;
  if (await store.taken(doi))
    throw publishingProblems.raise(
      'doi-collision',
      `The DOI pattern gives ${doi}, which another article already has: change the journal's DOI suffix pattern`,
    );
  await store.insert({ doi, submissionId: article.id, journalId: journal.id });
  return doi;
}
