import { Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { FileDownload } from '../../common/http/files';
import type { Locale } from '../../common/i18n/locale';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { AuthorDecisionsService } from '../../decisions';
import { DiscussionsService } from '../../production';
import { SubmissionFiles } from '../../submissions';
import { Proofs } from '../../typesetting';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { page, redirectTo, type WebPage, type WebRedirect } from '../foundation/web-page';
import { submissionAddress, wizardAddress } from './author-addresses';
import { AuthorWorkspace } from './author-workspace.service';

/**
 * A proof PDF shown inside the submission's page: inline, and framed by this site's pages only
 * (the site's policy says `frame-ancestors 'none'` to everything else). Nothing in it may run.
 */
const PROOF_POLICY = "default-src 'none'; frame-ancestors 'self'";

/**
 * The author's workspace in a journal: `/{locale}/j/{slug}/submissions` (their submissions) and
 * `…/submissions/{id}` (one of them), with the downloads their pages offer. Signed-in people
 * only (a signed-out visitor is sent to sign in); someone else's submission is a 404.
 */
@WebController(':locale/j/:slug/submissions')
export class AuthorPagesController {
  constructor(
    private readonly workspace: AuthorWorkspace,
    private readonly files: SubmissionFiles,
    private readonly decisions: AuthorDecisionsService,
    private readonly discussions: DiscussionsService,
    private readonly proofs: Proofs,
  ) {}

  @Get()
  async dashboard(@Param('slug') slug: string, @CurrentUser() person: Person): Promise<WebPage> {
    const view = await this.workspace.dashboard(slug, person);
    return page('author/submissions', view, { cache: 'private', noindex: true });
  }

  /** The submission's page; a draft is finished in the submission wizard. */
  @Get(':id')
  async submission(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() person: Person,
  ): Promise<WebPage | WebRedirect> {
    const submission = await this.workspace.own(slug, id, person);
    if (submission.stage === 'draft') return redirectTo(wizardAddress(locale, slug, id));
    const view = await this.workspace.submissionPage(slug, id, person, locale);
    return page('author/submission', view, { cache: 'private', noindex: true });
  }

  /** One of the author's files, as uploaded. */
  @Get(':id/files/:fileId')
  async file(
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() person: Person,
  ): Promise<FileDownload> {
    await this.workspace.own(slug, id, person);
    return this.files.ownFile(id, fileId, person);
  }

  /** A reviewer's file shared with a decision: the anonymised copy, named as the page names it. */
  @Get(':id/review-files/:fileId')
  async reviewFile(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() person: Person,
  ): Promise<FileDownload> {
    await this.workspace.own(slug, id, person);
    return this.decisions.reviewFile({ ...person, preferredLocale: locale }, id, fileId);
  }

  /** A file the editor attached to a decision letter. */
  @Get(':id/letter-attachments/:attachmentId')
  async letterAttachment(
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentUser() person: Person,
  ): Promise<FileDownload> {
    await this.workspace.own(slug, id, person);
    return this.decisions.attachment(person, id, attachmentId);
  }

  /** A file shared in one of the submission's discussions. */
  @Get(':id/discussions/:discussionId/files/:fileId')
  async discussionFile(
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() person: Person,
  ): Promise<FileDownload> {
    await this.workspace.own(slug, id, person);
    return this.discussions.file(person, id, discussionId, fileId);
  }

  /** A proof, inline, for the frame of the submission's page (and its "open" link). */
  @Get(':id/proofs/:runId/pdf')
  async proof(
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @CurrentUser() person: Person,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    await this.workspace.own(slug, id, person);
    const pdf = await this.proofs.myPdf(person, id, runId);
    response.setHeader('Content-Security-Policy', PROOF_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf.content, {
      type: pdf.mediaType,
      disposition: 'inline; filename="proof.pdf"',
    });
  }

  /** The addresses forms post to, opened as pages (a reload, a language switch): the page. */
  @Get([
    ':id/revision',
    ':id/revision/files',
    ':id/proofs/:runId/answer',
    ':id/discussions',
    ':id/discussions/:discussionId/messages',
    ':id/discussions/:discussionId/files',
    ':id/discussions/:discussionId/close',
  ])
  formAddress(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): WebRedirect {
    return redirectTo(submissionAddress(locale, slug, id));
  }
}
