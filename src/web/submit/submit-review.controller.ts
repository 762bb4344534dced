import { Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { FieldError } from '../../common/http/problem.exception';
import { ProblemException } from '../../common/http/problem.exception';
import { directionOf, type Locale } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { Submitting } from '../../submissions';
import { formProblem, type FormView } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import {
  page,
  redirectAfterForm,
  redirectTo,
  type WebPage,
  type WebRedirect,
} from '../foundation/web-page';
import { draftFiles } from './draft-files';
import { type Draft, SubmitWizard, wizardJournal } from './submit-wizard.service';
import { sentAway, stepAddress, stepPage, submissionAddress } from './wizard-pages';
import { type MissingItem, missingItems, WIZARD_STEPS } from './wizard-steps';

const INCOMPLETE = 'urn:tahkim:problem:submission-incomplete';

/**
 * The review of everything, `/{locale}/j/{slug}/submit/{id}/review`, with a link back to each
 * step and the API's list of what is missing shown against the step it belongs to; submitting
 * (POST /api/submissions/:id/submit), then the acknowledgement, `…/{id}/done`, which links to
 * the submission's page.
 */
@WebController(':locale/j/:slug/submit/:id')
export class SubmitReviewController {
  constructor(
    private readonly wizard: SubmitWizard,
    private readonly submitting: Submitting,
  ) {}

  @Get('review')
  async review(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    return sentAway(locale, draft) ?? (await this.reviewPage(draft, draft.missing));
  }

  @Post('review')
  async submit(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    // Sent twice: the first sending submitted it, the second finds it done.
    if (draft.submission.stage !== 'draft')
      return redirectAfterForm(stepAddress(locale, slug, id, 'done'));
    try {
      await this.submitting.submit(id, user, actor);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.type === INCOMPLETE) {
        const errors = (error.problem.extensions?.errors ?? []) as FieldError[];
        return this.reviewPage(draft, missingItems(errors, draft.submission.locale), 422);
      }
      const refused = formProblem(error, {});
      if (!refused) throw error;
      return this.reviewPage(draft, draft.missing, 409, refused);
    }
    return redirectAfterForm(stepAddress(locale, slug, id, 'done'));
  }

  /** The acknowledgement of a submission made: its number, and where to follow it. */
  @Get('done')
  async done(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    if (draft.submission.stage === 'draft') return redirectTo(stepAddress(locale, slug, id), 302);
    const own = draft.metadata.find((entry) => entry.locale === draft.submission.locale);
    return page(
      'submit/done',
      {
        journal: wizardJournal(draft.journal),
        submission: {
          id,
          number: draft.submission.number,
          submittedAt: draft.submission.submittedAt,
          title: own?.title ?? '',
          titleLang: draft.submission.locale,
          titleDir: directionOf(draft.submission.locale),
        },
        email: user.email,
        submissionPage: submissionAddress(locale, slug, id),
      },
      { cache: 'private', noindex: true },
    );
  }

  private async reviewPage(
    draft: Draft,
    missing: MissingItem[],
    status?: 409 | 422,
    form?: FormView,
  ): Promise<WebPage> {
    const { submission, journal } = draft;
    const confirmed = new Set(submission.checklistConfirmed);
    return stepPage(
      this.wizard,
      draft,
      'review',
      {
        form,
        section: await this.wizard.section(journal, submission.sectionId),
        manuscriptLocale: submission.locale,
        metadata: draft.metadata.map((entry) => ({
          locale: entry.locale,
          textDir: directionOf(entry.locale),
          title: entry.title,
          subtitle: entry.subtitle,
          abstract: entry.abstract,
          keywords: entry.keywords,
        })),
        statements: {
          funding: submission.funding,
          competingInterests: submission.competingInterests,
          dataAvailability: submission.dataAvailability,
          references: submission.references,
          commentsToEditor: submission.commentsToEditor,
        },
        contributors: draft.contributors.map((contributor) => ({
          names: contributor.names,
          email: contributor.email,
          affiliation: contributor.affiliation,
          orcid: contributor.orcid,
          role: contributor.role,
          corresponding: contributor.corresponding,
          inByline: contributor.inByline,
        })),
        files: draftFiles(draft),
        checklist: journal.submissionChecklist.map((item) => ({
          itemText: item.text,
          confirmed: confirmed.has(item.id),
        })),
        agreement: draft.agreement && {
          agreedAt: draft.agreement.agreedAt,
          shortVersion: draft.agreement.termsVersion.slice(0, 12),
        },
        groups: WIZARD_STEPS.filter((step) => step !== 'review')
          .map((step) => ({ step, items: missing.filter((item) => item.step === step) }))
          .filter((group) => group.items.length > 0),
        others: missing.filter((item) => item.step === 'review'),
        complete: missing.length === 0,
      },
      status,
    );
  }
}
