import { ApiProperty } from '@nestjs/swagger';
import type { SignedIn } from '../auth.service';
import type { InvitationView } from '../invitations.service';
import { PersonNamesResponse } from './person-names.response';
import { ProfileResponse, toProfileResponse } from './profile.response';

/** The same answer whether or not the address has an account. */
export class AcceptedResponse {
  @ApiProperty({
    example: 'If this address can be used, we have sent an email to it. Please check your inbox.',
  })
  message: string;
}

export const ACCEPTED: AcceptedResponse = {
  message: 'If this address can be used, we have sent an email to it. Please check your inbox.',
};

export class VerifiedResponse {
  @ApiProperty({ enum: [true] })
  verified: true;
}

/** A session opened: the token for API clients (browsers get the cookie), and whose it is. */
export class SignedInResponse {
  @ApiProperty({ description: 'The session token, for Authorization: Bearer <token>' })
  token: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest' })
  expiresAt: Date;

  @ApiProperty({ type: ProfileResponse })
  user: ProfileResponse;
}

export function toSignedInResponse({ token, session, user }: SignedIn): SignedInResponse {
  return { token, expiresAt: session.absoluteExpiresAt, user: toProfileResponse(user) };
}

/** Whom an enrolment invitation is for, as the editor entered it. */
export class InvitationViewResponse {
  @ApiProperty({ example: 'layla@example.org' })
  email: string;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNamesResponse;
}

export const toInvitationViewResponse = ({
  email,
  names,
}: InvitationView): InvitationViewResponse => ({
  email,
  names,
});
