/** The access feature's public surface: what the other features may use. */
export { AccessModule, JournalRolesModule } from './access.module';
export { JournalRoles } from './journal-roles.service';
export type { JournalRole } from './journal-role.entity';
export { JOURNAL_ROLES, type JournalRoleName } from '../editorial/roles';
