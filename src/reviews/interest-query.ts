import { foldForMatching } from '../anonymisation/name-matcher';

/** Words too common to say anything about a reviewer's field. */
const STOP_WORDS = new Set([
  'and',
  'the',
  'for',
  'with',
  'des',
  'les',
  'pour',
  'dans',
  'une',
  'sur',
  'aux',
  'and',
  'من',
  'في',
  'على',
  'الى',
  'عن',
  'مع',
]);

/** One word as a prefix query; Arabic words also with and without the article «ال». */
function wordQuery(word: string): string {
  if (/^\p{Script=Arabic}/u.test(word)) {
    const bare = word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
    return `(${bare}:* | ال${bare}:*)`;
  }
  return `${word}:*`;
}

/** The folded words of one interest, as a to_tsquery AND-expression; null when none count. */
export function interestQuery(interest: string): string | null {
  const words = foldForMatching(interest)
    .split(' ')
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => [...word].length >= 3 && !STOP_WORDS.has(word))
    .slice(0, 6);
  return words.length ? words.map(wordQuery).join(' & ') : null;
}

/**
 * A reviewer's declared interests as one `to_tsquery('simple', …)` expression matching a
 * submission's search vector (folded the same way, see submission-search.ts): any interest
 * matches when all its words do. Null when no interest has a usable word.
 */
export function interestsQuery(interests: readonly string[]): string | null {
  const parts = interests
    .map(interestQuery)
    .filter((part): part is string => part !== null)
    .slice(0, 30);
  return parts.length ? parts.map((part) => `(${part})`).join(' | ') : null;
}
