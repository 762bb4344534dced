import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { JournalRoleName } from './journal-role.entity';
import { JournalAccessGuard } from './journal-access.guard';

export const JOURNAL_ACCESS = 'tahkim:journal-access';

export interface JournalAccessRule {
  /** Roles in the journal (route parameter `slug`) that may use the route. */
  roles: JournalRoleName[];
  /**
   * Section editors pass only for sections given to them: the name of the route parameter
   * holding the section id. (Later objects — submissions, reviews — add their own relations.)
   */
  sectionEditorOf?: string;
}

/**
 * `@JournalAccess({ roles: ['manager', 'editor'] })`: the one way routes state who may use them.
 * Site administrators and the operator token pass every journal's checks.
 */
export const JournalAccess = (rule: JournalAccessRule) =>
  applyDecorators(
    SetMetadata(JOURNAL_ACCESS, rule),
    UseGuards(JournalAccessGuard),
    ApiForbiddenResponse({ description: `Needs one of: ${rule.roles.join(', ')}` }),
    ApiNotFoundResponse({ description: 'No journal with that slug' }),
  );

/** `@SiteAdminOnly()`: installation-wide operations (site administrators or the operator token). */
export const SITE_ADMIN_ONLY = 'tahkim:site-admin-only';
export const SiteAdminOnly = () =>
  applyDecorators(
    SetMetadata(SITE_ADMIN_ONLY, true),
    UseGuards(JournalAccessGuard),
    ApiForbiddenResponse({ description: 'Site administrators only' }),
  );
