import { Body, Get, Header, Post, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  clearSessionCookie,
  CurrentSessionId,
  PasswordConfirmationDto,
  ProfileService,
  toAccountExportResponse,
} from '../../accounts';
import type { Locale } from '../../common/i18n/locale';
import { AppConfig } from '../../config/app-config';
import type { Person } from '../../editorial/people';
import { Public } from '../../editorial/public';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { accountPage, refusedStatus } from './account-forms';
import { inLocale } from './next-page';

const deletePage = (form: FormView, status?: 422 | 429) =>
  accountPage('account/delete', { form }, status);

/**
 * A person's data: the export of everything held about them, `/{locale}/account/export`, and
 * the account's deletion, `/{locale}/account/delete`, then a goodbye.
 */
@WebController(':locale/account')
export class AccountDataController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly config: AppConfig,
  ) {}

  @Get('export')
  exportPage(): WebPage {
    return accountPage('account/export');
  }

  /** The same JSON as the API's GET /api/me/export, as a file to keep. */
  @Get('export/download')
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  async download(@CurrentUser() person: Person): Promise<StreamableFile> {
    const data = toAccountExportResponse(await this.profiles.export(person.id));
    const day = data.exportedAt.slice(0, 10);
    return new StreamableFile(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="tahkim-account-${day}.json"`,
    });
  }

  @Get('delete')
  deleteForm(): WebPage {
    return deletePage(blankForm());
  }

  /**
   * Deletes the account once the person ticked that they understand and gave their password:
   * it is anonymised, every session ends, the cookie goes.
   */
  @Post('delete')
  async delete(
    @PageLocale() locale: Locale,
    @CurrentUser() person: Person,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebPage | WebRedirect> {
    const values = formValues(body);
    // Ticked or not, the box stays as it was; the password is never sent back.
    const shown: Record<string, string> = values.understood === 'yes' ? { understood: 'yes' } : {};
    const { value, form } = await readForm(PasswordConfirmationDto, values);
    const errors = { ...(form?.errors ?? {}) };
    if (values.understood !== 'yes')
      errors.understood = [{ key: 'account.delete.error.understood', values: {} }];
    if (form || Object.keys(errors).length > 0) return deletePage({ values: shown, errors }, 422);
    try {
      await this.profiles.delete(person.id, value!.password, actor);
    } catch (error) {
      const refused = formProblem(error, shown);
      if (!refused) throw error;
      return deletePage(refused, refusedStatus(error));
    }
    clearSessionCookie(response, this.config);
    return redirectAfterForm(inLocale(locale, '/account/deleted'));
  }

  /** The goodbye, for the person who was signed in a moment ago. */
  @Public()
  @Get('deleted')
  deleted(
    @PageLocale() locale: Locale,
    @CurrentSessionId() sessionId: string | null,
  ): WebPage | WebRedirect {
    if (sessionId) return redirectAfterForm(inLocale(locale, '/account'));
    return accountPage('account/deleted');
  }
}
