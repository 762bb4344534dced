import { DAY_MS } from '../common/time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Session } from './session.entity';
import type { User } from './user.entity';

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const SESSION_COOKIE = 'tahkim_session';

export interface NewSession {
  token: string;
  session: Session;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: opaque random tokens, stored hashed, revocable at once. */
@Injectable()
export class Sessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(
    manager: EntityManager,
    userId: string,
    client: { ip?: string; userAgent?: string },
  ): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = manager.create(Session, {
      userId,
      tokenHash: hashToken(token),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + this.config.SESSION_IDLE_DAYS * DAY_MS),
      absoluteExpiresAt: new Date(now + this.config.SESSION_MAX_DAYS * DAY_MS),
      ip: client.ip?.slice(0, 45) ?? null,
      userAgent: client.userAgent?.slice(0, 400) ?? null,
    });
    await manager.save(session);
    return { token, session };
  }

  /** The session and its user for a presented token, or null (unknown, expired, or user gone). */
  async authenticate(token: string): Promise<{ session: Session; user: User } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const session = await this.dataSource.getRepository(Session).findOne({
      where: { tokenHash: hashToken(token) },
      relations: { user: true },
    });
    const now = Date.now();
    if (!session?.user || session.user.status !== 'active') return null;
    if (session.expiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) {
      await this.dataSource.getRepository(Session).delete({ id: session.id });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const expiresAt = new Date(
        Math.min(now + this.config.SESSION_IDLE_DAYS * DAY_MS, session.absoluteExpiresAt.getTime()),
      );
      await this.dataSource
        .getRepository(Session)
        .update({ id: session.id }, { lastSeenAt: new Date(now), expiresAt });
    }
    return { session, user: session.user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ id: sessionId });
  }

  /** Signs the user out everywhere, except (optionally) the session making the request. */
  async revokeAll(manager: EntityManager, userId: string, exceptSessionId?: string): Promise<void> {
    await manager.delete(
      Session,
      exceptSessionId ? { userId, id: Not(exceptSessionId) } : { userId },
    );
  }
}
