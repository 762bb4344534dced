import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { accountProblems } from './accounts.problems';
import type { UserTokenPurpose } from './user-token.entity';
import { UserTokensRepository } from './user-tokens.repository';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const invalidTokenProblem = () =>
  accountProblems.raise(
    'invalid-token',
    'The link is wrong, has expired or was already used. Ask for a new one.',
  );

/**
 * Whether a new token voids the earlier unused ones of its purpose. A password reset or an
 * invitation works from the latest email only. A confirmation link does not void the earlier
 * ones: a person holding the first email must not find it broken because a second was sent
 * (on sign-in, or by asking again); the emails sent are capped (EmailCaps), and confirming
 * with one link voids the others (see redeem).
 */
export const NEW_TOKEN_VOIDS_EARLIER: Record<UserTokenPurpose, boolean> = {
  verify_email: false,
  reset_password: true,
  invitation: true,
};

/**
 * Issues and redeems the single-use tokens that emails carry (verification, reset, invitation),
 * in the caller's transaction.
 */
@Injectable()
export class UserTokens {
  constructor(private readonly tokens: UserTokensRepository) {}

  async issue(userId: string, purpose: UserTokenPurpose, ttlMs: number): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    if (NEW_TOKEN_VOIDS_EARLIER[purpose]) await this.tokens.voidUnused(userId, purpose);
    const id = await this.tokens.insert({
      userId,
      purpose,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    return `${id}.${secret}`;
  }

  /**
   * Marks the token used and returns its user id; expired, used, forged or wrong-purpose tokens
   * all get the same 400, and nothing changes. The row lock (the caller runs in a transaction)
   * makes two concurrent redemptions of one token impossible. The user's other unused tokens of
   * the purpose are voided with it: the purpose is served.
   */
  async redeem(token: string, purpose: UserTokenPurpose): Promise<string> {
    const userId = await this.holder(token, purpose, true);
    await this.tokens.voidUnused(userId, purpose);
    return userId;
  }

  /**
   * The user id of a token that `redeem` would take, leaving it unused (a page that shows what
   * the link is for before the person acts on it); the same 400 otherwise.
   */
  check(token: string, purpose: UserTokenPurpose): Promise<string> {
    return this.holder(token, purpose, false);
  }

  /**
   * The user of a genuine token already used (its secret matches): a second press of a link
   * whose work is done. Null for a forged, unknown or unused one.
   */
  async spentBy(token: string, purpose: UserTokenPurpose): Promise<string | null> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) return null;
    const row = await this.tokens.findForRedemption(id, purpose, false);
    const genuine =
      row !== null &&
      timingSafeEqual(Buffer.from(sha256(secret), 'hex'), Buffer.from(row.secretHash, 'hex'));
    return genuine && row.usedAt !== null ? row.userId : null;
  }

  private async holder(token: string, purpose: UserTokenPurpose, lock: boolean): Promise<string> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) throw invalidTokenProblem();
    const row = await this.tokens.findForRedemption(id, purpose, lock);
    const given = Buffer.from(sha256(secret), 'hex');
    const valid =
      row !== null &&
      timingSafeEqual(given, Buffer.from(row.secretHash, 'hex')) &&
      row.usedAt === null &&
      row.expiresAt.getTime() > Date.now();
    if (!valid) throw invalidTokenProblem();
    return row.userId;
  }
}
