const ISSN_FORMAT = /^(\d{4})-?(\d{3}[\dX])$/;

/**
 * ISO 3297 check: weights 8..1 over all eight characters (X = 10), sum ≡ 0 (mod 11).
 * Schemas (Crossref, DOAJ) check only the format, so the application must check the digit.
 */
export function isValidIssn(value: string): boolean {
  const match = ISSN_FORMAT.exec(value.trim().toUpperCase());
  if (!match) return false;
  const characters = (match[1] + match[2]).split('');
  const sum = characters.reduce(
    (total, character, index) => total + (character === 'X' ? 10 : Number(character)) * (8 - index),
    0,
  );
  // X may only stand in the check position.
  return sum % 11 === 0 && !characters.slice(0, 7).includes('X');
}

/** The canonical NNNN-NNNC form, or null when the value is not a valid ISSN. */
export function normalizeIssn(value: string): string | null {
  if (!isValidIssn(value)) return null;
  const compact = value.trim().toUpperCase().replace('-', '');
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
