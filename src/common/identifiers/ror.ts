// `0`, six Crockford base32 characters (no i, l, o, u), two checksum digits.
// Upper-case input is accepted (Crockford base32 is case-insensitive); the canonical form is lower.
const ROR_FORMAT = /^(?:https:\/\/ror\.org\/)?(0[0-9a-hjkmnp-tv-z]{6}\d{2})$/i;

const CROCKFORD_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const ROR_ORIGIN = 'https://ror.org/';

/**
 * ROR's checksum (ISO 7064 MOD 97-10, via the base32-url library): decode the first seven
 * characters as a base32 number n, then 98 − (n × 100 mod 97), zero-padded to two digits.
 * The leading 0 adds nothing to n. n < 32^7, so n × 100 stays well inside a safe integer.
 */
function rorChecksum(encoded: string): string {
  let value = 0;
  for (const character of encoded) value = value * 32 + CROCKFORD_ALPHABET.indexOf(character);
  return String(98 - ((value * 100) % 97)).padStart(2, '0');
}

/** The canonical `https://ror.org/0xxxxxxNN` form (lower case), or null when not a valid ROR ID. */
export function normalizeRorId(value: string): string | null {
  const match = ROR_FORMAT.exec(value.trim());
  if (!match) return null;
  const id = match[1].toLowerCase();
  return rorChecksum(id.slice(0, 7)) === id.slice(7) ? `${ROR_ORIGIN}${id}` : null;
}

/** Accepts `https://ror.org/03yrm5c26` or the bare `03yrm5c26`; the checksum must be right. */
export function isValidRorId(value: string): boolean {
  return normalizeRorId(value) !== null;
}
