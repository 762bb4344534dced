import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingEmail {
  to: { address: string; name?: string | null };
  subject: string;
  html: string;
  text: string;
  language: string;
  /** A stable Message-ID: a re-sent message keeps it, so mail clients show it once. */
  messageId: string;
}

export interface SentEmail {
  messageId: string;
  /** Where the message was written when no SMTP server is configured. */
  file?: string;
}

/**
 * SMTP when SMTP_URL is set. Without it (local runs only: production requires SMTP_URL) every
 * message is written as an .eml file under MAIL_DIR, which any mail client opens.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly mailDir: string | null;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transporter = nodemailer.createTransport(config.SMTP_URL);
      this.mailDir = null;
    } else {
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
      this.mailDir = isAbsolute(config.MAIL_DIR)
        ? config.MAIL_DIR
        : join(process.cwd(), config.MAIL_DIR);
    }
  }

  get kind(): 'smtp' | 'file' {
    return this.mailDir ? 'file' : 'smtp';
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
    });
    if (!this.mailDir) return { messageId: info.messageId };

    const file = join(
      this.mailDir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeName(info.messageId)}.eml`,
    );
    await mkdir(this.mailDir, { recursive: true });
    await writeFile(`${file}.tmp`, info.message as Buffer);
    await rename(`${file}.tmp`, file);
    this.logger.log(`no SMTP_URL: wrote "${email.subject}" for ${email.to.address} to ${file}`);
    return { messageId: info.messageId, file };
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

function safeName(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9.-]/g, '').slice(0, 80);
}
