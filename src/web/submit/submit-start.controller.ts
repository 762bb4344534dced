import { Body, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { type Journal, JournalsLookup } from '../../journals';
import { CreateSubmissionDto, SubmissionDrafts, SubmissionsService } from '../../submissions';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import {
  page,
  redirectAfterForm,
  redirectTo,
  type WebPage,
  type WebRedirect,
} from '../foundation/web-page';
import { journalLanguages, SubmitWizard, wizardJournal } from './submit-wizard.service';
import { WizardMemory } from './wizard-memory';
import { sentAway, stepAddress } from './wizard-pages';

const FORM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The wizard's words for the start form's rules. */
function reword(form: FormView): FormView {
  const errors: FormView['errors'] = {};
  for (const field of Object.keys(form.errors))
    errors[field] = [
      {
        key: field === 'sectionId' ? 'submit.error.section' : 'submit.error.language',
        values: {},
      },
    ];
  return { ...form, errors };
}

/**
 * The wizard's start, `/{locale}/j/{slug}/submit`: the section and the manuscript's language
 * make the draft (POST /api/journals/:slug/submissions); `/{locale}/j/{slug}/submit/{id}`
 * resumes a draft where it was left. Anyone signed in may submit, and so becomes an author.
 */
@WebController(':locale/j/:slug/submit')
export class SubmitStartController {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly submissions: SubmissionsService,
    private readonly drafts: SubmissionDrafts,
    private readonly wizard: SubmitWizard,
    private readonly memory: WizardMemory,
  ) {}

  @Get()
  async start(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage> {
    const journal = await this.journals.bySlug(slug);
    const languages = journalLanguages(journal);
    const form = blankForm({
      locale: languages.includes(locale) ? locale : journal.primaryLocale,
      formKey: this.memory.startKey(),
    });
    return this.startPage(journal, user, form);
  }

  @Post()
  async create(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const journal = await this.journals.bySlug(slug);
    const values = formValues(body);
    const { value, form } = await readForm(CreateSubmissionDto, values);
    if (form) return this.startPage(journal, user, reword(form), 422);
    // The form's one-time key: sent twice (a double click, a resent page), it makes one draft.
    const formKey = one(values.formKey) ?? '';
    const keyed = FORM_KEY.test(formKey);
    if (keyed) {
      const made = await this.memory.claimStart(user.id, formKey);
      if (made) return redirectAfterForm(stepAddress(locale, slug, made, 'metadata'));
    }
    try {
      const draft = await this.drafts.create(journal, user, value, actor);
      if (keyed) await this.memory.started(user.id, formKey, draft.id);
      return redirectAfterForm(
        stepAddress(locale, slug, draft.id, 'metadata'),
        'submit.flash.started',
      );
    } catch (error) {
      if (keyed) await this.memory.release(user.id, formKey);
      const refused = formProblem(error, values);
      if (!refused) throw error;
      return this.startPage(journal, user, reword(refused), 422);
    }
  }

  /**
   * The live ORCID check of the contributors step (its island asks as the author types): the
   * API's own check (format and check digit), and the iD as it will be saved.
   */
  @Get('orcid')
  @Header('Cache-Control', 'private, no-store')
  orcid(@Query('value') value: unknown): { valid: boolean; normalized: string | null } {
    const normalized = typeof value === 'string' ? normalizeOrcid(value.slice(0, 100)) : null;
    return { valid: normalized !== null, normalized };
  }

  /** A half-finished submission, resumed where it was left. */
  @Get(':id')
  async resume(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    return (
      sentAway(locale, draft) ??
      redirectTo(stepAddress(locale, slug, id, this.wizard.resumeAt(draft)), 302)
    );
  }

  private async startPage(journal: Journal, user: Person, form: FormView, status?: 422) {
    const [sections, mine] = await Promise.all([
      this.wizard.openSections(journal),
      this.submissions.listMine(user, { limit: 100 }),
    ]);
    const drafts = mine.items
      .filter((submission) => submission.stage === 'draft' && submission.journalId === journal.id)
      .map((submission) => ({ id: submission.id, createdAt: submission.createdAt }));
    return page(
      'submit/start',
      {
        journal: wizardJournal(journal),
        sections,
        languages: journalLanguages(journal),
        drafts,
        form,
      },
      { cache: 'private', noindex: true, status },
    );
  }
}
