import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '../common/i18n/locale';
import type { PersonNames } from '../editorial/people';

export const USER_STATUSES = ['active', 'invited', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * A person with an account. `invited` accounts were created by an editor's enrolment and have
 * no password until the invitation is accepted; `deleted` accounts are anonymised in place so
 * that what they published stays as published.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased: one address, one account. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  @Column({ type: 'boolean', default: false })
  isSiteAdmin: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  names: PersonNames;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation: string | null;

  /** https://ror.org/… of the affiliation, when known. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  rorId: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  /** Bare form, e.g. 0000-0002-1825-0097; shown as https://orcid.org/… */
  @Column({ type: 'varchar', length: 19, nullable: true })
  orcid: string | null;

  @Column({ type: 'varchar', length: 5, default: 'ar' })
  preferredLocale: Locale;

  /** Reviewing interests as keywords, in any language or script. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reviewInterests: string[];

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'boolean', default: true })
  availableForReview: boolean;

  @Column({ type: 'int', default: 3 })
  maxConcurrentReviews: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
