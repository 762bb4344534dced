import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PURPOSE = 'review-response';

/**
 * The accept/decline link of a review invitation: `<assignment id>.<expiry>.<signature>`.
 * The HMAC (keyed with APP_SECRET) covers the purpose, the assignment, the expiry and a nonce
 * kept on the assignment. Clearing the nonce once the link is used makes it single-use, and a
 * reminder can repeat the same link without the token ever being stored.
 */
export function newResponseNonce(): string {
  return randomBytes(24).toString('base64url');
}

function signature(secret: string, assignmentId: string, expires: number, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`${PURPOSE}:${assignmentId}:${expires}:${nonce}`)
    .digest('base64url');
}

export function signResponseToken(
  secret: string,
  assignmentId: string,
  nonce: string,
  expiresAt: Date,
): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${assignmentId}.${expires}.${signature(secret, assignmentId, expires, nonce)}`;
}

export interface ParsedResponseToken {
  assignmentId: string;
  expiresAt: Date;
  signature: string;
}

/** The token's parts, or null when it is not shaped like one. */
export function parseResponseToken(token: string): ParsedResponseToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [assignmentId, expires, mac] = parts;
  if (!UUID.test(assignmentId) || !/^\d{1,12}$/.test(expires) || !/^[\w-]{43}$/.test(mac))
    return null;
  return { assignmentId, expiresAt: new Date(Number(expires) * 1000), signature: mac };
}

/** True when the token was signed for this assignment's current nonce and has not expired. */
export function verifyResponseToken(
  secret: string,
  token: ParsedResponseToken,
  nonce: string | null,
  now = new Date(),
): boolean {
  if (!nonce || token.expiresAt <= now) return false;
  const expected = Buffer.from(
    signature(secret, token.assignmentId, token.expiresAt.getTime() / 1000, nonce),
  );
  const given = Buffer.from(token.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
