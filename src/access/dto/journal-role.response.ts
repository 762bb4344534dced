import { ApiProperty } from '@nestjs/swagger';
import { PersonNamesResponse, USER_STATUSES, type UserStatus } from '../../accounts';
import { PageOf } from '../../common/pagination/page.dto';
import type { PersonNames } from '../../editorial/people';
import { JOURNAL_ROLES, type JournalRoleName } from '../../editorial/roles';
import type { Enrolment } from '../enrolment.service';
import type { JournalRole } from '../journal-role.entity';

/** The person holding a role, as the journal's editors see them. */
export class RoleHolderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({
    enum: USER_STATUSES,
    description: '`invited`: the invitation is not accepted yet',
  })
  status: UserStatus;
}

/** A role someone holds in the journal. */
export class JournalRoleResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: JOURNAL_ROLES })
  role: JournalRoleName;
}

export function toJournalRoleResponse(role: JournalRole): JournalRoleResponse {
  return { id: role.id, userId: role.userId, role: role.role };
}

/** A role given by enrolment, and whether the person was invited to create their account. */
export class EnrolmentResponse extends JournalRoleResponse {
  @ApiProperty({ description: 'The address had no account: an invitation was emailed' })
  invited: boolean;
}

export function toEnrolmentResponse({ role, invited }: Enrolment): EnrolmentResponse {
  return { ...toJournalRoleResponse(role), invited };
}

/** A line of the journal's list of people and roles. */
export class RoleListItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: JOURNAL_ROLES })
  role: JournalRoleName;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: RoleHolderResponse })
  user: RoleHolderResponse;
}

export class RoleListItemPage extends PageOf(RoleListItemResponse) {}

export function toRoleListItemResponse(role: JournalRole): RoleListItemResponse {
  const user = role.user!;
  return {
    id: role.id,
    role: role.role,
    createdAt: role.createdAt,
    user: {
      id: user.id,
      email: user.email,
      names: user.names,
      affiliation: user.affiliation,
      status: user.status,
    },
  };
}
