import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  JOURNAL_ACCESS,
  type JournalAccessRule,
  SITE_ADMIN_ONLY,
} from '../editorial/journal-access';
import { isSiteAdmin } from '../editorial/request-context';
import type { JournalRoleName } from '../editorial/roles';
import { type Journal, JournalsLookup, SectionsService } from '../journals';
import { accessProblems } from './access.problems';
import { unauthenticated } from './authentication.guard';
import { JournalRolesRepository } from './journal-roles.repository';

declare module 'express-serve-static-core' {
  interface Request {
    /** The journal named by the route's `slug`, loaded once by JournalAccessGuard. */
    journal?: Journal;
  }
}

/**
 * Checks the role the route asks for in the journal it names, and the caller's relation to
 * the object where the role alone is not enough (a section editor and their sections).
 */
@Injectable()
export class JournalAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly journals: JournalsLookup,
    private readonly sections: SectionsService,
    private readonly roles: JournalRolesRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const siteAdminOnly = this.reflector.getAllAndOverride<boolean>(SITE_ADMIN_ONLY, targets);
    const rule = this.reflector.getAllAndOverride<JournalAccessRule>(JOURNAL_ACCESS, targets);
    // A route that states no journal rule is the other guards' business (public, or any user).
    if (!siteAdminOnly && !rule) return true;

    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.principal;
    if (!principal) throw unauthenticated();
    const siteAdmin = isSiteAdmin(principal);
    if (siteAdminOnly) {
      if (!siteAdmin)
        throw accessProblems.raise('site-admin-only', 'Only site administrators may do this');
      return true;
    }
    if (!rule) return true;
    const journal = await this.loadJournal(request);
    if (siteAdmin || principal.kind !== 'user') return true; // the operator is a site admin

    const roles = await this.rolesOf(request, principal.user.id, journal.id);
    const granted = rule.roles.filter((role) => roles.includes(role));
    if (granted.length === 0)
      throw accessProblems.raise(
        'journal-role-required',
        `Needs one of these roles in this journal: ${rule.roles.join(', ')}`,
      );
    // A section editor's role covers only their own sections.
    if (rule.sectionEditorOf && granted.every((role) => role === 'section_editor')) {
      const sectionId = String(request.params[rule.sectionEditorOf]);
      if (!(await this.sections.isEditorOf(journal.id, sectionId, principal.user.id)))
        throw accessProblems.raise(
          'not-your-section',
          'Section editors may act only on the sections assigned to them',
        );
    }
    return true;
  }

  private async loadJournal(request: Request): Promise<Journal> {
    request.journal ??= await this.journals.bySlug(String(request.params.slug));
    return request.journal;
  }

  private async rolesOf(
    request: Request,
    userId: string,
    journalId: string,
  ): Promise<JournalRoleName[]> {
    request.journalRoles ??= await this.roles.rolesOf(userId, journalId);
    return request.journalRoles;
  }
}
