import type { Journal } from '../journals';
import type { Publication } from './entities/publication.entity';

/** What an article lacks before it can be published; empty when it is ready. */
export function missingForPublication(journal: Journal, record: Publication): string[] {
  const missing: string[] = [];
  const own = record.metadata[record.locale];
  if (!own?.title?.trim()) missing.push(`title (${record.locale})`);
  if (!own?.abstract?.trim()) missing.push(`abstract (${record.locale})`);
  if (record.contributors.length === 0) missing.push('authors');
  if (!record.copyrightHolder?.trim()) missing.push('copyright holder');
  if (!record.copyrightYear) missing.push('copyright year');
  if (!record.licenceUrl) missing.push('licence');
  if (!record.articleNumber && (record.firstPage === null || record.lastPage === null))
    missing.push('pages (or an article number)');
  else if (
    record.firstPage !== null &&
    record.lastPage !== null &&
    record.lastPage < record.firstPage
  )
    missing.push('pages that run forward (the last page is before the first)');
  if (journal.doiPrefix && !record.doi) missing.push('DOI');
  return missing;
}

/** Page ranges of different articles that share pages: "VOL-1 (5–12) and VOL-2 (10–20)". */
export function overlappingPages(
  articles: { label: string; firstPage: number | null; lastPage: number | null }[],
): string[] {
  const paged = articles
    .filter((article) => article.firstPage !== null && article.lastPage !== null)
    .sort((a, b) => a.firstPage! - b.firstPage!);
  const overlaps: string[] = [];
  for (let index = 1; index < paged.length; index++) {
    const previous = paged[index - 1];
    const current = paged[index];
    if (current.firstPage! <= previous.lastPage!)
      overlaps.push(
        `${previous.label} (${previous.firstPage}–${previous.lastPage}) and ${current.label} (${current.firstPage}–${current.lastPage})`,
      );
  }
  return overlaps;
}
