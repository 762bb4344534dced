import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DAY_MS } from '../common/time';
import { AppConfig } from '../config/app-config';
import type { Session } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const SESSION_COOKIE = 'tahkim_session';

export interface NewSession {
  token: string;
  session: Session;
}

/** Where a sign-in comes from, as the session keeps it. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: opaque random tokens, stored hashed, revocable at once. */
@Injectable()
export class Sessions {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session in the caller's transaction; the token is handed out once, here. */
  async create(userId: string, client: ClientInfo): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = await this.sessions.insert({
      userId,
      tokenHash: hashToken(token),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + this.config.SESSION_IDLE_DAYS * DAY_MS),
      absoluteExpiresAt: new Date(now + this.config.SESSION_MAX_DAYS * DAY_MS),
      ip: client.ip?.slice(0, 45) ?? null,
      userAgent: client.userAgent?.slice(0, 400) ?? null,
    });
    return { token, session };
  }

  /** The session and its user for a presented token, or null (unknown, expired, or user gone). */
  async authenticate(token: string): Promise<{ session: Session; user: User } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const session = await this.sessions.findByTokenHash(hashToken(token));
    const now = Date.now();
    if (!session?.user || session.user.status !== 'active') return null;
    if (session.expiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) {
      await this.sessions.delete(session.id);
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const expiresAt = new Date(
        Math.min(now + this.config.SESSION_IDLE_DAYS * DAY_MS, session.absoluteExpiresAt.getTime()),
      );
      await this.sessions.touch(session.id, new Date(now), expiresAt);
    }
    return { session, user: session.user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  /** Signs the user out everywhere, except (optionally) the session making the request. */
  async revokeAll(userId: string, exceptSessionId?: string): Promise<void> {
    await this.sessions.deleteAllOf(userId, exceptSessionId);
  }

  /** The user's sessions, oldest first (for the export of their data). */
  listOf(userId: string): Promise<Session[]> {
    return this.sessions.listOf(userId);
  }
}
