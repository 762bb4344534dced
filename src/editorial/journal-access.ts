import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import type { JournalRoleName } from './roles';

export const JOURNAL_ACCESS = 'tahkim:journal-access';
export const SITE_ADMIN_ONLY = 'tahkim:site-admin-only';

export interface JournalAccessRule {
  /** Roles in the journal (route parameter `slug`) that may use the route. */
  roles: readonly JournalRoleName[];
  /**
   * Section editors pass only for sections given to them: the name of the route parameter
   * holding the section id. (Later objects — submissions, reviews — add their own relations.)
   */
  sectionEditorOf?: string;
}

/**
 * `@JournalAccess({ roles: EDITORS })`: the one way routes state who may use them. The journal
 * access guard (a global guard of the access feature) enforces it; site administrators and the
 * operator token pass every journal's checks.
 */
export const JournalAccess = (rule: JournalAccessRule) =>
  applyDecorators(
    SetMetadata(JOURNAL_ACCESS, rule),
    ApiParam({ name: 'slug', type: String, description: 'The journal’s slug, e.g. volunteering' }),
    ApiForbiddenResponse({ description: `Needs one of: ${rule.roles.join(', ')}` }),
    ApiNotFoundResponse({ description: 'No journal with that slug' }),
  );

/** `@SiteAdminOnly()`: installation-wide operations (site administrators or the operator token). */
export const SiteAdminOnly = () =>
  applyDecorators(
    SetMetadata(SITE_ADMIN_ONLY, true),
    ApiForbiddenResponse({ description: 'Site administrators only' }),
  );
