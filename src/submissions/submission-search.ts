import { foldForMatching } from '../anonymisation/name-matcher';

/** A `to_tsquery` expression for what a person typed: every word, as a prefix; null if none. */
export function searchQuery(typed: string): string | null {
  const words = foldForMatching(typed)
    .split(' ')
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}
