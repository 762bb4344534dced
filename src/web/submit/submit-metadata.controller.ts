import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { directionOf, isLocale, type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { SubmissionDrafts, UpdateSubmissionDto } from '../../submissions';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import type { WebPage, WebRedirect } from '../foundation/web-page';
import {
  metadataLocales,
  metadataShape,
  rewordMetadata,
  storedMetadataValues,
} from './metadata-form';
import { type Draft, journalLanguages, SubmitWizard } from './submit-wizard.service';
import { afterSave, goOf, sentAway, stepPage } from './wizard-pages';

type Values = Record<string, string | string[]>;

/** The languages a sent form has fields of (a language changed meanwhile keeps its texts). */
const sentLocales = (values: Values): Locale[] =>
  SUPPORTED_LOCALES.filter((locale) =>
    Object.keys(values).some((name) => name.startsWith(`metadata.${locale}.`)),
  );

/**
 * The metadata step, `/{locale}/j/{slug}/submit/{id}/metadata`: the section and the
 * manuscript's language, title, subtitle, abstract and keywords in every language the journal
 * requires (each field in its own language and direction), and the declarations
 * (PATCH /api/submissions/:id).
 */
@WebController(':locale/j/:slug/submit/:id/metadata')
export class SubmitMetadataController {
  constructor(
    private readonly wizard: SubmitWizard,
    private readonly drafts: SubmissionDrafts,
  ) {}

  @Get()
  async form(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    return (
      sentAway(locale, draft) ??
      (await this.page(draft, blankForm(storedMetadataValues(draft)), metadataLocales(draft)))
    );
  }

  @Post()
  async save(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const values = formValues(body);
    const chosen = Array.isArray(values.locale) ? values.locale[0] : values.locale;
    const locales = [...new Set([...metadataLocales(draft, chosen), ...sentLocales(values)])].sort(
      (a, b) => SUPPORTED_LOCALES.indexOf(a) - SUPPORTED_LOCALES.indexOf(b),
    );
    const { value, form } = await readForm(
      UpdateSubmissionDto,
      values,
      metadataShape(draft, locales),
    );
    if (form) return this.page(draft, rewordMetadata(form), locales, 422);
    try {
      await this.drafts.update(id, user, value);
    } catch (error) {
      const refused = formProblem(error, values);
      if (!refused) throw error;
      return this.page(draft, rewordMetadata(refused), locales, 422);
    }
    await this.wizard.saved(draft.submission, 'metadata');
    return afterSave(locale, draft, 'metadata', goOf(values.go));
  }

  private async page(draft: Draft, form: FormView, locales: Locale[], status?: 422) {
    const value = form.values.locale;
    const chosen = Array.isArray(value) ? value[0] : value;
    const manuscript = isLocale(chosen) ? chosen : draft.submission.locale;
    const required = new Set(draft.journal.requiredAbstractLocales);
    const sections = await this.wizard.openSections(draft.journal);
    return stepPage(
      this.wizard,
      draft,
      'metadata',
      {
        form,
        sections,
        languages: journalLanguages(draft.journal),
        blocks: locales.map((locale) => ({
          locale,
          textDir: directionOf(locale),
          own: locale === manuscript,
          needed: locale === manuscript || required.has(locale),
          fields: Object.fromEntries(
            ['title', 'subtitle', 'abstract', 'keywords'].map((part) => [
              part,
              `metadata.${locale}.${part}`,
            ]),
          ),
        })),
      },
      status,
    );
  }
}
