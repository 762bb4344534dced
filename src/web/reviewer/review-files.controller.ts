import { Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Locale } from '../../common/i18n/locale';
import { type FileDownload, UploadBody, type UploadSource } from '../../common/http/files';
import { ProblemException } from '../../common/http/problem.exception';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { ReviewerDashboard, ReviewFilesService } from '../../reviews';
import { ReviewCertificates } from '../../typesetting';
import { blankForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { reviewsAddress } from './reviewer-addresses';
import { ReviewerPages } from './reviewer-pages.service';

const UUID = new ParseUUIDPipe();
/** What a refused upload answers: unreadable, too large, of a type not taken, not cleanable. */
const UPLOAD_REFUSALS = [400, 413, 415, 422];

/**
 * The files of a review's page: the round's files as the reviewer receives them (the cleaned
 * copies under neutral names in double-anonymous review), the files the reviewer attaches to
 * the review, each with its anonymisation report, and the certificate once it is submitted.
 */
@WebController(':locale/j/:slug/reviews/:assignmentId')
export class ReviewFilesController {
  constructor(
    private readonly dashboard: ReviewerDashboard,
    private readonly files: ReviewFilesService,
    private readonly pages: ReviewerPages,
    private readonly certificates: ReviewCertificates,
  ) {}

  @Get('files/:fileId')
  roundFile(
    @CurrentUser() user: Person,
    @Param('assignmentId', UUID) id: string,
    @Param('fileId', UUID) fileId: string,
  ): Promise<FileDownload> {
    return this.dashboard.roundFile(user, id, fileId);
  }

  @Get('attachments/:fileId')
  attachment(
    @CurrentUser() user: Person,
    @Param('assignmentId', UUID) id: string,
    @Param('fileId', UUID) fileId: string,
  ): Promise<FileDownload> {
    return this.files.download(user, id, fileId);
  }

  /**
   * The certificate of a completed review, as the API's `/api/reviews/{id}/certificate` makes
   * it (the same service: the caller's own review only, else not found), in the page's language.
   */
  @Get('certificate')
  certificate(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('assignmentId', UUID) id: string,
  ): Promise<FileDownload> {
    return this.certificates.pdf(user, id, locale);
  }

  /**
   * A file sent by the page's upload form (multipart; its token in the form's address). A file
   * the pipeline refuses is said beside the upload field, in the page's language.
   */
  @Post('attachments')
  async attach(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', UUID) id: string,
    @UploadBody() upload: UploadSource,
  ): Promise<WebPage | WebRedirect> {
    // The caller's own assignment, in this journal (else not found), before anything changes.
    await this.pages.questions(user, slug, id);
    try {
      await this.files.upload(user, id, upload);
    } catch (error) {
      if (!(error instanceof ProblemException) || !UPLOAD_REFUSALS.includes(error.problem.status))
        throw error;
      const view = await this.pages.assignment(user, slug, id);
      return page(
        'reviewer/review',
        {
          ...view,
          declineForm: blankForm(),
          changed: false,
          // Its registered title beside the field, in the page's language; the detail in English.
          uploadForm: {
            values: {},
            errors: {
              file: [{ problemType: error.problem.type ?? '', text: error.problem.title }],
            },
          },
          uploadDetail: error.problem.detail ?? '',
        },
        { cache: 'private', noindex: true, status: 422 },
      );
    }
    return redirectAfterForm(
      `${reviewsAddress(locale, slug, id)}#attachments`,
      'reviewer.flash.attached',
    );
  }

  @Post('attachments/:fileId/delete')
  async remove(
    @PageLocale() locale: Locale,
    @CurrentUser() user: Person,
    @Param('slug') slug: string,
    @Param('assignmentId', UUID) id: string,
    @Param('fileId', UUID) fileId: string,
  ): Promise<WebRedirect> {
    // The caller's own assignment, in this journal (else not found), before anything changes.
    await this.pages.questions(user, slug, id);
    await this.files.delete(user, id, fileId);
    return redirectAfterForm(
      `${reviewsAddress(locale, slug, id)}#attachments`,
      'reviewer.flash.removed',
    );
  }
}
