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
export { Invitations } from './invitations.service';
export { PersonNamesDto } from './dto/person-names.dto';
export { PersonNamesResponse } from './dto/person-names.response';
export { USER_STATUSES, type User, type UserStatus } from './user.entity';
export { AuthService } from './auth.service';
export { setSessionCookie, clearSessionCookie } from './session-cookie';
export { CurrentClient, CurrentSessionId } from './client.decorators';
export type { ClientInfo } from './sessions.service';
export { LoginDto } from './dto/auth.dto';
export { PASSWORD_PROBLEM_CODES } from './password-policy';
