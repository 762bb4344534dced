import { Injectable } from '@nestjs/common';
import { MoreThan, Not } from 'typeorm';
import { Repository } from '../database/transactions';
import { Session } from './session.entity';

/** The `sessions` table: one row per signed-in client, found by the hash of its token. */
@Injectable()
export class SessionsRepository extends Repository {
  insert(values: Partial<Session>): Promise<Session> {
    return this.db.save(this.db.create(Session, values));
  }

  /** The session of a token hash, with its user. */
  findByTokenHash(tokenHash: string): Promise<Session | null> {
    return this.db.getRepository(Session).findOne({
      where: { tokenHash },
      relations: { user: true },
    });
  }

  async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.db.getRepository(Session).update({ id }, { lastSeenAt, expiresAt });
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(Session).delete({ id });
  }

  /** Every session of the user, except (optionally) one; how many there were. */
  async deleteAllOf(userId: string, exceptId?: string): Promise<number> {
    const result = await this.db.delete(
      Session,
      exceptId ? { userId, id: Not(exceptId) } : { userId },
    );
    return result.affected ?? 0;
  }

  /** The user's sessions, oldest first. */
  listOf(userId: string): Promise<Session[]> {
    return this.db.find(Session, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The user's sessions still valid at `now` (a revoked session has no row; an expired one
   * waits for its next use to be deleted), most recently seen first.
   */
  liveOf(userId: string, now: Date): Promise<Session[]> {
    return this.db.find(Session, {
      where: { userId, expiresAt: MoreThan(now), absoluteExpiresAt: MoreThan(now) },
      order: { lastSeenAt: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** One of the user's sessions still valid at `now`, or null (someone else's, gone, expired). */
  findLiveOf(userId: string, id: string, now: Date): Promise<Session | null> {
    return this.db.findOne(Session, {
      where: { id, userId, expiresAt: MoreThan(now), absoluteExpiresAt: MoreThan(now) },
    });
  }
}
