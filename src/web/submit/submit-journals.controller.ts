import { Get } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { JournalsLookup } from '../../journals';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectTo, type WebPage, type WebRedirect } from '../foundation/web-page';
import { wizardJournal } from './submit-wizard.service';

/**
 * `/{locale}/submit`: for someone who comes to submit from outside a journal, the journals of
 * the installation to submit to (straight to the start when there is only one).
 */
@WebController(':locale/submit')
export class SubmitJournalsController {
  constructor(private readonly journals: JournalsLookup) {}

  @Get()
  async choose(@PageLocale() locale: Locale): Promise<WebPage | WebRedirect> {
    const journals = (await this.journals.list()).map(wizardJournal);
    if (journals.length === 1)
      return redirectTo(`/${locale}/j/${encodeURIComponent(journals[0].slug)}/submit`, 302);
    return page('submit/journals', { journals }, { cache: 'private', noindex: true });
  }
}
