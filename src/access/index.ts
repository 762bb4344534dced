/** The access feature's public surface: what the other features may use. */
export { AccessModule, JournalRolesModule } from './access.module';
export { JournalRoles } from './journal-roles.service';
export { EnrolmentService } from './enrolment.service';
export { type JournalRoleName } from '../editorial/roles';
