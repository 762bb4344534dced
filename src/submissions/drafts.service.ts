import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { JournalRoles } from '../access';
import type { Locale } from '../common/i18n/locale';
import { normalizeOrcid } from '../common/identifiers/orcid';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person, PersonNames } from '../editorial/people';
import type { Actor, JournalRef } from '../editorial/request-context';
import { type CopyrightTerms, copyrightTerms } from './copyright-terms';
import type {
  ContributorsDto,
  CopyrightAgreementDto,
  CreateSubmissionDto,
  MetadataDto,
  UpdateSubmissionDto,
} from './dto/submission.dto';
import type { Contributor } from './entities/contributor.entity';
import type { CopyrightAgreement } from './entities/copyright-agreement.entity';
import type { Submission } from './entities/submission.entity';
import { OpenSections } from './open-sections';
import { notEditable, submissionProblems } from './submissions.problems';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/**
 * The author's draft, saved step by step: started in an open section, its fields and metadata
 * per language, its contributors, and the agreement to the journal's copyright terms.
 */
@Injectable()
export class SubmissionDrafts {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly rows: SubmissionsRepository,
    private readonly sections: OpenSections,
    private readonly events: SubmissionEvents,
    private readonly roles: JournalRoles,
  ) {}

  /** Starts a draft; anyone signed in may be an author of any journal, and so becomes one. */
  @Transactional()
  async create(
    journal: JournalRef,
    user: Person,
    dto: CreateSubmissionDto,
    actor: Actor,
  ): Promise<Submission> {
    await this.sections.assertOpen(journal.id, dto.sectionId, 'sectionId');
    await this.roles.grantAuthor(journal.id, user.id);
    const submission = await this.rows.insert({
      journalId: journal.id,
      sectionId: dto.sectionId,
      submitterId: user.id,
      locale: dto.locale,
      stage: 'draft',
    });
    // The submitter is the first contributor until they say otherwise.
    await this.rows.addContributor({
      submissionId: submission.id,
      seq: 0,
      names: user.names,
      email: user.email,
      affiliation: user.affiliation,
      country: user.country,
      orcid: user.orcid,
      corresponding: true,
    });
    await this.events.record(submission.id, actor, { kind: 'created' });
    return submission;
  }

  @Transactional()
  async update(id: string, user: Person, dto: UpdateSubmissionDto): Promise<void> {
    const submission = await this.submissions.forSubmitter(id, user);
    if (submission.stage !== 'draft') throw notEditable(submission.stage);
    if (dto.sectionId)
      await this.sections.assertOpen(submission.journalId, dto.sectionId, 'sectionId');
    if (dto.checklistConfirmed) {
      const known = new Set(submission.journal!.submissionChecklist.map((item) => item.id));
      const unknown = dto.checklistConfirmed.filter((item) => !known.has(item));
      if (unknown.length)
        throw new RequestValidationException([
          {
            field: 'checklistConfirmed',
            messages: [`not items of this journal's checklist: ${unknown.join(', ')}`],
          },
        ]);
    }
    const { metadata, references, ...fields } = dto;
    const changes: Partial<Submission> = { ...fields };
    if (references !== undefined) {
      changes.references = references
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    }
    for (const key of Object.keys(changes) as (keyof Submission)[])
      if (changes[key] === undefined) delete changes[key];
    if (Object.keys(changes).length) await this.rows.update(id, changes);
    for (const [locale, values] of Object.entries(metadata ?? {}) as [
      Locale,
      MetadataDto | null | undefined,
    ][]) {
      if (values === undefined) continue;
      if (values === null) {
        await this.rows.removeMetadata(id, locale);
        continue;
      }
      await this.rows.saveMetadata({
        submissionId: id,
        locale,
        title: values.title.trim(),
        subtitle: values.subtitle ?? null,
        abstract: values.abstract ?? null,
        keywords: [...new Set((values.keywords ?? []).map((keyword) => keyword.trim()))],
      });
    }
    if (metadata) await this.rows.refreshSearch(id);
  }

  /** Replaces the contributors, in byline order; one of them at most is the corresponding one. */
  @Transactional()
  async setContributors(id: string, user: Person, dto: ContributorsDto): Promise<Contributor[]> {
    const submission = await this.submissions.forSubmitter(id, user);
    if (submission.stage !== 'draft') throw notEditable(submission.stage);
    const corresponding = dto.contributors.filter((contributor) => contributor.corresponding);
    if (corresponding.length > 1)
      throw new RequestValidationException([
        {
          field: 'contributors',
          messages: ['only one contributor may be the corresponding author'],
        },
      ]);
    return this.rows.replaceContributors(
      id,
      dto.contributors.map((contributor, seq) => ({
        submissionId: id,
        seq,
        names: contributor.names as PersonNames,
        email: contributor.email.trim().toLowerCase(),
        affiliation: contributor.affiliation ?? null,
        country: contributor.country?.toUpperCase() ?? null,
        orcid: contributor.orcid ? normalizeOrcid(contributor.orcid) : null,
        role: contributor.role ?? 'author',
        corresponding: contributor.corresponding ?? false,
        inByline: contributor.inByline ?? true,
      })),
    );
  }

  /** The copyright and licence terms to agree to, in `locale`, with their version. */
  async terms(id: string, user: Person, locale: Locale): Promise<CopyrightTerms> {
    const submission = await this.submissions.forSubmitter(id, user);
    return copyrightTerms(submission.journal!, locale);
  }

  /** Records the agreement to the terms as shown (their text, version, the time and address). */
  @Transactional()
  async agree(
    id: string,
    user: Person,
    dto: CopyrightAgreementDto,
    actor: Actor,
  ): Promise<CopyrightAgreement> {
    const submission = await this.submissions.forSubmitter(id, user);
    if (submission.stage !== 'draft') throw notEditable(submission.stage);
    const terms = copyrightTerms(submission.journal!, dto.locale);
    if (terms.termsVersion !== dto.termsVersion)
      throw submissionProblems.raise(
        'terms-changed',
        'The journal’s terms have changed since they were shown: read them again',
      );
    const agreement = await this.rows.replaceAgreement({
      submissionId: id,
      userId: user.id,
      termsText: terms.text,
      termsVersion: terms.termsVersion,
      licenceUrl: terms.licenceUrl,
      ip: actor.ip ?? null,
    });
    await this.events.record(id, actor, {
      kind: 'copyright_agreed',
      data: { termsVersion: terms.termsVersion, locale: terms.locale },
    });
    return agreement;
  }
}
