// Bare iD, or the URL form ORCID displays (http is still seen in older records).
// The `i` flag lets a lower-case check character x through; normalizeOrcid upper-cases it.
const ORCID_FORMAT = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

const ORCID_ORIGIN = 'https://orcid.org/';

/**
 * ISO/IEC 7064 MOD 11-2, as ORCID publishes it: running total (total + digit) × 2 over the 15
 * base digits, then (12 − total mod 11) mod 11, with 10 written X.
 * Crossref and DOAJ schemas check only the format, so the application must check the digit.
 */
function orcidCheckCharacter(baseDigits: string): string {
  let total = 0;
  for (const digit of baseDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** The bare upper-case form `0000-0002-1825-0097`, or null when the value is not a valid iD. */
export function normalizeOrcid(value: string): string | null {
  const match = ORCID_FORMAT.exec(value.trim());
  if (!match) return null;
  const bare = match[1].toUpperCase();
  const compact = bare.replaceAll('-', '');
  return orcidCheckCharacter(compact.slice(0, 15)) === compact[15] ? bare : null;
}

/** Accepts `0000-0002-1825-0097`, `https://orcid.org/0000-0002-1825-0097` or the http URL. */
export function isValidOrcid(value: string): boolean {
  return normalizeOrcid(value) !== null;
}

/**
 * The https URL that Crossref, DOAJ and JATS want. Throws on an invalid iD so that a bad value
 * never reaches a deposit as a plausible-looking link.
 */
export function orcidUrl(bare: string): string {
  const normalized = normalizeOrcid(bare);
  if (normalized === null) throw new RangeError(`Not a valid ORCID iD: ${JSON.stringify(bare)}`);
  return `${ORCID_ORIGIN}${normalized}`;
}
