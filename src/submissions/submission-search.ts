import type { EntityManager } from 'typeorm';
import { foldForMatching } from '../anonymisation/name-matcher';

/**
 * Full-text search over titles, subtitles, abstracts and keywords in Arabic and Latin scripts.
 * PostgreSQL's `simple` configuration splits words without stemming (it has no Arabic stemmer),
 * so the text is folded first — lower case, Arabic diacritics and tatweel removed, alef forms,
 * alef maqsura and ta marbuta unified — and queries are folded the same way. Words match by
 * prefix, so «التطوع» also finds «التطوعي».
 */
export async function refreshSubmissionSearch(
  manager: EntityManager,
  submissionId: string,
): Promise<void> {
  const rows: { text: string | null }[] = await manager.query(
    `SELECT string_agg(concat_ws(' ', title, subtitle, abstract, array_to_string(keywords, ' ')), ' ') AS text
       FROM submission_metadata WHERE submission_id = $1`,
    [submissionId],
  );
  await manager.query(
    `UPDATE submissions SET search_vector = to_tsvector('simple', $2) WHERE id = $1`,
    [submissionId, foldForMatching(rows[0]?.text ?? '')],
  );
}

/** A `to_tsquery` expression for what a person typed: every word, as a prefix; null if none. */
export function searchQuery(typed: string): string | null {
  const words = foldForMatching(typed)
    .split(' ')
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}
