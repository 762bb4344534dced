import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { Locale } from '../common/i18n/locale';
import { NotificationService } from '../notifications/notification.service';

const HOUR_MS = 60 * 60 * 1000;
/** Emailed links: long enough to read mail, short enough to limit a leak. */
export const VERIFICATION_TTL_HOURS = 48;
export const RESET_TTL_MINUTES = 60;
export const INVITATION_TTL_DAYS = 14;

/** Whom an account email goes to: the address, in the person's language. */
export interface AccountRecipient {
  id: string;
  email: string;
  preferredLocale: Locale;
}

/**
 * The emails of accounts, queued in the caller's transaction (the outbox): confirmation links,
 * password resets and notices. The links open the site's pages (PUBLIC_URL) in the recipient's
 * language, the one the email is written in (src/web/account).
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
  ) {}

  /** A page of the site in `locale` (`/ar/verify-email`), with the emailed token if there is one. */
  link(locale: Locale, path: string, token?: string): string {
    const url = new URL(`/${locale}${path}`, this.config.PUBLIC_URL);
    if (token) url.searchParams.set('token', token);
    return url.href;
  }

  /** Someone tried to register the address again: its owner is told, at most once an hour. */
  async registrationAttempt(user: AccountRecipient): Promise<void> {
    await this.notifications.queue({
      template: 'registration-attempt',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        loginUrl: this.link(user.preferredLocale, '/login'),
        resetUrl: this.link(user.preferredLocale, '/password/forgot'),
      },
      dedupeKey: `registration-attempt:${user.id}:${Math.floor(Date.now() / HOUR_MS)}`,
    });
  }

  async verification(user: AccountRecipient, token: string): Promise<void> {
    await this.notifications.queue({
      template: 'account-verification',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        verificationUrl: this.link(user.preferredLocale, '/verify-email', token),
        expiresInHours: VERIFICATION_TTL_HOURS,
      },
    });
  }

  async passwordReset(user: AccountRecipient, token: string, requestedFromIp?: string) {
    await this.notifications.queue({
      template: 'password-reset',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        resetUrl: this.link(user.preferredLocale, '/password/reset', token),
        expiresInMinutes: RESET_TTL_MINUTES,
        requestedFromIp: requestedFromIp ?? 'unknown',
      },
    });
  }

  async passwordChanged(user: AccountRecipient): Promise<void> {
    await this.notifications.queue({
      template: 'password-changed',
      to: { email: user.email, name: null, preferredLocale: user.preferredLocale },
      data: {
        changedAt: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        resetUrl: this.link(user.preferredLocale, '/password/forgot'),
      },
    });
  }
}
