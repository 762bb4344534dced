import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { SESSION_COOKIE } from './sessions.service';
import type { Session } from './session.entity';

/**
 * The session cookie, set and cleared by the account controllers (edge code: services never
 * see the response). httpOnly (no script reads it), SameSite=Lax (no cross-site writes),
 * Secure behind https.
 */
export function setSessionCookie(
  response: Response,
  config: AppConfig,
  token: string,
  session: Session,
): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    expires: session.absoluteExpiresAt,
  });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    path: '/',
  });
}
