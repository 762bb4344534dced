import { ApiProperty } from '@nestjs/swagger';
import type { ActivityRecord, EmailReceived, RoleHeld } from '../account-data.repository';
import type { Session } from '../session.entity';
import type { User } from '../user.entity';
import {
  ProfileResponse,
  RoleHeldResponse,
  toProfileResponse,
  toRoleHeldResponse,
} from './profile.response';

export class SessionRecordResponse {
  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt: Date;

  @ApiProperty({ format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;
}

export class EmailReceivedResponse {
  @ApiProperty({ example: 'account-verification' })
  template: string;

  @ApiProperty({ example: 'ar' })
  locale: string;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ example: 'sent' })
  status: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;
}

export class ActivityRecordResponse {
  @ApiProperty({ format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ example: 'user.signed_in' })
  action: string;

  @ApiProperty({ example: 'session' })
  objectType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  objectId: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;
}

/** Everything Tahkim holds about a person (GDPR-style access and portability). */
export class AccountExportResponse {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;

  @ApiProperty({ type: ProfileResponse })
  profile: ProfileResponse;

  @ApiProperty({ type: [RoleHeldResponse] })
  roles: RoleHeldResponse[];

  @ApiProperty({ type: [SessionRecordResponse] })
  sessions: SessionRecordResponse[];

  @ApiProperty({ type: [EmailReceivedResponse] })
  emailsReceived: EmailReceivedResponse[];

  @ApiProperty({ type: [ActivityRecordResponse] })
  activity: ActivityRecordResponse[];
}

/** What a person's data export is made of. */
export interface AccountData {
  user: User;
  roles: RoleHeld[];
  sessions: Session[];
  emails: EmailReceived[];
  activity: ActivityRecord[];
}

export function toAccountExportResponse(data: AccountData): AccountExportResponse {
  return {
    exportedAt: new Date().toISOString(),
    profile: toProfileResponse(data.user),
    roles: data.roles.map(toRoleHeldResponse),
    sessions: data.sessions.map(({ createdAt, lastSeenAt, expiresAt, ip, userAgent }) => ({
      createdAt,
      lastSeenAt,
      expiresAt,
      ip,
      userAgent,
    })),
    emailsReceived: data.emails.map(({ template, locale, subject, status, sentAt }) => ({
      template,
      locale,
      subject,
      status,
      sentAt,
    })),
    activity: data.activity.map(({ occurredAt, action, objectType, objectId, ip }) => ({
      occurredAt,
      action,
      objectType,
      objectId,
      ip,
    })),
  };
}
