import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/http/problem.exception';
import type { Journal } from '../journals/journal.entity';
import { JournalsLookup } from '../journals/journals.lookup';
import { isSiteAdmin } from '../editorial/request-context';
import { unauthenticated } from './authentication.guard';
import {
  JOURNAL_ACCESS,
  type JournalAccessRule,
  SITE_ADMIN_ONLY,
} from '../editorial/journal-access';
import { JournalRole, type JournalRoleName } from './journal-role.entity';

declare module 'express-serve-static-core' {
  interface Request {
    /** The journal named by the route's `slug`, loaded once by JournalAccessGuard. */
    journal?: Journal;
  }
}

const forbidden = (detail: string) =>
  new ProblemException({ status: 403, title: 'Forbidden', detail });

/**
 * Checks the role the route asks for in the journal it names, and the caller's relation to
 * the object where the role alone is not enough (a section editor and their sections).
 */
@Injectable()
export class JournalAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journals: JournalsLookup,
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
      if (!siteAdmin) throw forbidden('Only site administrators may do this');
      return true;
    }
    if (!rule) return true;
    const journal = await this.loadJournal(request);
    if (siteAdmin || principal.kind !== 'user') return true; // the operator is a site admin

    const roles = await this.rolesOf(request, principal.user.id, journal.id);
    const granted = rule.roles.filter((role) => roles.includes(role));
    if (granted.length === 0)
      throw forbidden(`Needs one of these roles in this journal: ${rule.roles.join(', ')}`);
    // A section editor's role covers only their own sections.
    if (rule.sectionEditorOf && granted.every((role) => role === 'section_editor')) {
      const sectionId = request.params[rule.sectionEditorOf];
      const assigned = await this.dataSource.query(
        `SELECT 1 FROM section_editors se JOIN sections s ON s.id = se.section_id
          WHERE se.section_id = $1 AND se.user_id = $2 AND s.journal_id = $3`,
        [sectionId, principal.user.id, journal.id],
      );
      if (assigned.length === 0)
        throw forbidden('Section editors may act only on the sections assigned to them');
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
    request.journalRoles ??= (
      await this.dataSource.getRepository(JournalRole).findBy({ userId, journalId })
    ).map((role) => role.role);
    return request.journalRoles;
  }
}
