import { ApiProperty } from '@nestjs/swagger';
import { type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { JOURNAL_ROLES, type JournalRoleName } from '../../editorial/roles';
import type { PersonNames } from '../../editorial/people';
import type { User } from '../user.entity';
import { PersonNamesResponse } from './person-names.response';

/** What a person sees of their own account (never the password hash). */
export class ProfileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'leila.benali@example.org' })
  email: string;

  @ApiProperty()
  emailVerified: boolean;

  @ApiProperty()
  isSiteAdmin: boolean;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://ror.org/05dxps055' })
  rorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MA', description: 'ISO 3166-1 alpha-2' })
  country: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0000-0002-1825-0097' })
  orcid: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://orcid.org/0000-0002-1825-0097' })
  orcidUrl: string | null;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  preferredLocale: Locale;

  @ApiProperty({ type: [String] })
  reviewInterests: string[];

  @ApiProperty({ type: String, nullable: true })
  bio: string | null;

  @ApiProperty()
  availableForReview: boolean;

  @ApiProperty({ type: 'integer' })
  maxConcurrentReviews: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toProfileResponse(user: User): ProfileResponse {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    isSiteAdmin: user.isSiteAdmin,
    names: user.names,
    affiliation: user.affiliation,
    rorId: user.rorId,
    country: user.country,
    orcid: user.orcid,
    orcidUrl: user.orcid ? `https://orcid.org/${user.orcid}` : null,
    preferredLocale: user.preferredLocale,
    reviewInterests: user.reviewInterests,
    bio: user.bio,
    availableForReview: user.availableForReview,
    maxConcurrentReviews: user.maxConcurrentReviews,
    createdAt: user.createdAt,
  };
}

/** A role the person holds in a journal. */
export class RoleHeldResponse {
  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty({ example: 'volunteering' })
  journalSlug: string;

  @ApiProperty({ enum: JOURNAL_ROLES })
  role: JournalRoleName;
}

/** My profile and my roles in each journal. */
export class MeResponse extends ProfileResponse {
  @ApiProperty({ type: [RoleHeldResponse], description: 'Oldest first' })
  roles: RoleHeldResponse[];
}

export function toRoleHeldResponse(role: RoleHeldResponse): RoleHeldResponse {
  return { journalId: role.journalId, journalSlug: role.journalSlug, role: role.role };
}
