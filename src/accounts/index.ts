/** The accounts feature's public surface: what the other features may use. */
export { AccountsModule } from './accounts.module';
export { ProfileService } from './profile.service';
export { People } from './people.service';
export { Sessions, SESSION_COOKIE } from './sessions.service';
export { Invitations } from './invitations.service';
export { PersonNamesDto } from './dto/person-names.dto';
export { PersonNamesResponse } from './dto/person-names.response';
export { USER_STATUSES, type User, type UserStatus } from './user.entity';
