import { IsEmail, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { DeclineInvitationDto } from '../../reviews';

/**
 * Declining, as the page asks it: the API's reason, and the suggested colleague in two fields
 * (a name, an address checked as one) that become the API's one `suggestedReviewer`.
 */
export class DeclineForm extends DeclineInvitationDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  suggestedName?: string;

  @IsOptional()
  @ValidateIf((form: DeclineForm) => form.suggestedEmail !== '')
  @IsEmail()
  @MaxLength(254)
  suggestedEmail?: string;
}

/** What the API is sent: the reason, and `Name <address>` (either part alone when one is given). */
export function declineOf(form: DeclineForm): DeclineInvitationDto {
  const name = form.suggestedName?.trim() ?? '';
  const email = form.suggestedEmail?.trim() ?? '';
  const suggested = name && email ? `${name} <${email}>` : name || email;
  return { reason: form.reason?.trim() || undefined, suggestedReviewer: suggested || undefined };
}
