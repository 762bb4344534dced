import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Repository } from '../database/transactions';
import { UserToken, type UserTokenPurpose } from './user-token.entity';

/** The `user_tokens` table: the single-use tokens emails carry. */
@Injectable()
export class UserTokensRepository extends Repository {
  /** Stores a token; returns its id. */
  async insert(values: Pick<UserToken, 'userId' | 'purpose' | 'secretHash' | 'expiresAt'>) {
    const { identifiers } = await this.db.insert(UserToken, values);
    return identifiers[0].id as string;
  }

  /** The token of `id` and `purpose`; with `lock`, locked against a concurrent redemption. */
  findForRedemption(id: string, purpose: UserTokenPurpose, lock = true): Promise<UserToken | null> {
    return this.db.findOne(UserToken, {
      where: { id, purpose },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Marks the user's unused tokens of the purpose used. */
  async voidUnused(userId: string, purpose: UserTokenPurpose): Promise<void> {
    await this.db.update(UserToken, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.db.delete(UserToken, { userId });
  }
}
