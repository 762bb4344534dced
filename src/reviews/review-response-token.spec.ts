import { randomUUID } from 'node:crypto';
import {
  newResponseNonce,
  parseResponseToken,
  signResponseToken,
  verifyResponseToken,
} from './review-response-token';

const SECRET = 'a-test-secret-of-thirty-two-characters!';

describe('review response token', () => {
  const id = randomUUID();
  const nonce = newResponseNonce();
  const expires = new Date(Date.now() + 86_400_000);

  it('verifies a token signed for the assignment and nonce', () => {
    const token = parseResponseToken(signResponseToken(SECRET, id, nonce, expires))!;
    expect(token.assignmentId).toBe(id);
    expect(verifyResponseToken(SECRET, token, nonce)).toBe(true);
  });

  it('refuses it once the nonce is cleared or replaced (single use)', () => {
    const token = parseResponseToken(signResponseToken(SECRET, id, nonce, expires))!;
    expect(verifyResponseToken(SECRET, token, null)).toBe(false);
    expect(verifyResponseToken(SECRET, token, newResponseNonce())).toBe(false);
  });

  it('refuses an expired token, another secret, or a changed expiry', () => {
    const past = parseResponseToken(
      signResponseToken(SECRET, id, nonce, new Date(Date.now() - 1000)),
    )!;
    expect(verifyResponseToken(SECRET, past, nonce)).toBe(false);
    const token = signResponseToken(SECRET, id, nonce, expires);
    expect(verifyResponseToken('another-secret', parseResponseToken(token)!, nonce)).toBe(false);
    const [assignment, expiry, mac] = token.split('.');
    const stretched = parseResponseToken(`${assignment}.${Number(expiry) + 86_400}.${mac}`)!;
    expect(verifyResponseToken(SECRET, stretched, nonce)).toBe(false);
  });

  it('does not parse malformed tokens', () => {
    expect(parseResponseToken('')).toBeNull();
    expect(parseResponseToken('not-a-uuid.1.x')).toBeNull();
    expect(parseResponseToken(`${id}.abc.${'x'.repeat(43)}`)).toBeNull();
  });
});
