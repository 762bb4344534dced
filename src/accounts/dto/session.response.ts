import { ApiProperty } from '@nestjs/swagger';
import type { SessionView } from '../sessions.service';

/** The device of a session, as read from its user agent. */
export class DeviceResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Safari',
    description: 'The browser or program; null when not recognised',
  })
  browser: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'iPhone',
    description: 'The operating system or device; null when not recognised',
  })
  os: string | null;

  @ApiProperty({
    example: 'Safari on iPhone',
    description: 'Browser and system in English, or "Unknown device"',
  })
  label: string;
}

/** One of my signed-in sessions (never its token). */
export class SessionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'When it was signed in' })
  createdAt: Date;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was last used (updated at most once a minute)',
  })
  lastSeenAt: Date;

  @ApiProperty({ format: 'date-time', description: 'When it ends unless it is used again' })
  expiresAt: Date;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '192.0.2.7',
    description: 'The address it signed in from',
  })
  ip: string | null;

  @ApiProperty({ type: DeviceResponse })
  device: DeviceResponse;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The user agent as the client sent it at sign-in, for details',
  })
  userAgent: string | null;

  @ApiProperty({ description: 'Whether this request is signed in with it' })
  current: boolean;
}

export function toSessionResponse(session: SessionView): SessionResponse {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
    ip: session.ip,
    device: {
      browser: session.device.browser,
      os: session.device.os,
      label: session.device.label,
    },
    userAgent: session.userAgent,
    current: session.current,
  };
}
