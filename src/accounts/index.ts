/** The accounts feature's public surface: what the other features may use. */
export { AccountsModule } from './accounts.module';
export { ProfileService } from './profile.service';
export { People } from './people.service';
export { Sessions, SESSION_COOKIE } from './sessions.service';
/**
 * What `Sessions.listOf` gives the account page's "sessions signed in elsewhere".
 * @public
 */
export type { SessionView } from './sessions.service';
export { Invitations, type InvitationView } from './invitations.service';
export { PersonNamesDto } from './dto/person-names.dto';
export { PersonNamesResponse } from './dto/person-names.response';
export { USER_STATUSES, type User, type UserStatus } from './user.entity';
export { AuthService } from './auth.service';
export { setSessionCookie, clearSessionCookie } from './session-cookie';
export { CurrentClient, CurrentSessionId, CurrentSignIn, type SignIn } from './client.decorators';
export type { ClientInfo } from './sessions.service';
export {
  AcceptInvitationDto,
  ChangePasswordDto,
  EmailDto,
  LoginDto,
  PasswordConfirmationDto,
  RegisterDto,
  ResetPasswordDto,
  TokenDto,
} from './dto/auth.dto';
export { UpdateProfileDto } from './dto/profile.dto';
export { toAccountExportResponse } from './dto/account-export.response';
export {
  assertPasswordAcceptable,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_CODES,
} from './password-policy';
export { Passwords } from './passwords.service';
export { RESET_TTL_MINUTES, VERIFICATION_TTL_HOURS } from './account-mailer';
