import { Body, Get, Post, Query } from '@nestjs/common';
import { ProfileService, UpdateProfileDto, type User } from '../../accounts';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import type { Locale } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import {
  accountPage,
  inAccountWords,
  languageChoices,
  nameFields,
  withNames,
} from './account-forms';
import { countryChoices } from './countries';
import { inLocale } from './next-page';

/** Fields a person may leave empty: empty clears them (null), as the API's PATCH /me takes it. */
const CLEARABLE = ['affiliation', 'rorId', 'country', 'orcid', 'bio'] as const;

/** The profile's fields as its form shows them before anything is sent. */
function profileFields(user: User): Record<string, string> {
  return {
    ...nameFields(user.names),
    affiliation: user.affiliation ?? '',
    rorId: user.rorId ?? '',
    country: user.country ?? '',
    orcid: user.orcid ?? '',
    preferredLocale: user.preferredLocale,
    reviewInterests: user.reviewInterests.join('\n'),
    bio: user.bio ?? '',
    ...(user.availableForReview ? { availableForReview: 'yes' } : {}),
    maxConcurrentReviews: String(user.maxConcurrentReviews),
  };
}

/** The form's fields as the API's UpdateProfileDto takes them. */
function profileBody(values: Record<string, unknown>): Record<string, unknown> {
  const body = withNames(values);
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  for (const field of CLEARABLE) body[field] = text(field).trim() || null;
  // One interest a line: a comma belongs to some interests ("ageing, and care").
  body.reviewInterests = text('reviewInterests')
    .split(/\r?\n/)
    .map((term) => term.trim())
    .filter(Boolean);
  // A checkbox left unticked sends nothing.
  body.availableForReview = values.availableForReview === 'yes';
  const max = text('maxConcurrentReviews').trim();
  body.maxConcurrentReviews = /^\d{1,3}$/.test(max) ? Number(max) : max;
  return body;
}

/**
 * The person's profile, `/{locale}/account/profile`: names per script, ORCID iD (checked as
 * typed by `profile/orcid-check`, and again when sent), affiliation and its ROR id, country,
 * review interests and availability, preferred language, biography.
 */
@WebController(':locale/account')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  private async profilePage(
    person: Person,
    locale: Locale,
    form?: FormView,
    status?: 422,
  ): Promise<WebPage> {
    const { user } = await this.profiles.profile(person.id);
    return accountPage(
      'account/profile',
      {
        form: form ?? blankForm(profileFields(user)),
        email: user.email,
        orcid: user.orcid,
        countries: countryChoices(locale),
        languages: languageChoices(),
      },
      status,
    );
  }

  @Get('profile')
  show(@PageLocale() locale: Locale, @CurrentUser() person: Person): Promise<WebPage> {
    return this.profilePage(person, locale);
  }

  @Post('profile')
  async save(
    @PageLocale() locale: Locale,
    @CurrentUser() person: Person,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    const { value, form } = await readForm(UpdateProfileDto, values, profileBody);
    if (form) return this.profilePage(person, locale, inAccountWords(form), 422);
    try {
      await this.profiles.update(person.id, value, actor);
    } catch (error) {
      const refused = formProblem(error, values);
      if (!refused) throw error;
      return this.profilePage(person, locale, inAccountWords(refused), 422);
    }
    return redirectAfterForm(inLocale(locale, '/account/profile'), 'account.flash.profile-saved');
  }

  /**
   * The ORCID iD as it is being typed, checked with the API's own rule (format and check
   * digit): an htmx fragment shown beside the field. The form is checked again when sent.
   */
  @Get('profile/orcid-check')
  orcidCheck(@Query('orcid') orcid: unknown): WebPage {
    const typed = typeof orcid === 'string' ? orcid.trim().slice(0, 100) : '';
    const normalized = typed ? normalizeOrcid(typed) : null;
    const state = !typed ? 'empty' : normalized ? 'valid' : 'invalid';
    return accountPage('account/orcid-check', { state, normalized });
  }
}
