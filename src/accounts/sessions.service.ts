import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditLog } from '../audit/audit-log.service';
import { httpProblems } from '../common/problems/http.problems';
import { DAY_MS } from '../common/time';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../editorial/request-context';
import { type Device, deviceOf } from './device-label';
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

/** A live session as its person sees it in their account (never its token). */
export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** When it ends unless used again (it never outlives its absolute end). */
  expiresAt: Date;
  ip: string | null;
  /** The browser and system read from the user agent, and a label of both. */
  device: Device;
  /** As the client sent it, for details beside the device's label. */
  userAgent: string | null;
  /** The session this request is signed in with. */
  current: boolean;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: opaque random tokens, stored hashed, revocable at once. */
@Injectable()
export class Sessions {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
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

  /** Every session row of the user, expired ones too, oldest first (for the export of their data). */
  allOf(userId: string): Promise<Session[]> {
    return this.sessions.listOf(userId);
  }

  /** The person's live sessions (unexpired; revoked ones are gone), most recently seen first. */
  async listOf(userId: string, currentSessionId: string | null): Promise<SessionView[]> {
    const sessions = await this.sessions.liveOf(userId, new Date());
    return sessions.map((session) => viewOf(session, currentSessionId));
  }

  /**
   * Ends one of the person's live sessions (the current one too: that signs them out). Any
   * other id, someone else's session included, is the same 404, so ids of others' sessions
   * cannot be probed.
   */
  @Transactional()
  async revokeOne(
    userId: string,
    sessionId: string,
    currentSessionId: string | null,
    actor: Actor,
  ): Promise<void> {
    const session = await this.sessions.findLiveOf(userId, sessionId, new Date());
    if (!session) throw httpProblems.raise('not-found', 'You have no such session signed in');
    await this.sessions.delete(session.id);
    await this.audit.write({
      actor,
      objectType: 'session',
      objectId: session.id,
      action: 'user.session_revoked',
      after: {
        device: deviceOf(session.userAgent).label,
        current: session.id === currentSessionId,
      },
    });
  }

  /** "Sign out everywhere else": every session of the person but the current one ends. */
  @Transactional()
  async revokeOthers(userId: string, currentSessionId: string, actor: Actor): Promise<void> {
    const ended = await this.sessions.deleteAllOf(userId, currentSessionId);
    await this.audit.write({
      actor,
      objectType: 'user',
      objectId: userId,
      action: 'user.other_sessions_revoked',
      after: { sessionsEnded: ended },
    });
  }
}

function viewOf(session: Session, currentSessionId: string | null): SessionView {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt: new Date(Math.min(session.expiresAt.getTime(), session.absoluteExpiresAt.getTime())),
    ip: session.ip,
    device: deviceOf(session.userAgent),
    userAgent: session.userAgent,
    current: session.id === currentSessionId,
  };
}
