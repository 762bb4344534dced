import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { type FileDownload, UploadBody, type UploadSource } from '../../common/http/files';
import { ProblemException } from '../../common/http/problem.exception';
import type { Locale } from '../../common/i18n/locale';
import { problemType } from '../../common/problems/problem-registry';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { FILE_GENRES, type FileGenre, SubmissionFiles } from '../../submissions';
import { blankForm, type FieldMessage, type FormView, formValues } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import { redirectAfterForm, type WebPage, type WebRedirect } from '../foundation/web-page';
import { draftFiles } from './draft-files';
import { type Draft, SubmitWizard } from './submit-wizard.service';
import { readUploadForm } from './upload-form';
import {
  afterSave,
  goOf,
  sentAway,
  stepAddress,
  stepPage,
  submissionAddress,
} from './wizard-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isGenre = (value: unknown): value is FileGenre =>
  (FILE_GENRES as readonly unknown[]).includes(value);

/** Why an upload was refused, beside the file field: in the page's words, then the API's. */
function refusal(error: ProblemException, maxMb: number): FieldMessage[] {
  const { status, type, title, detail } = error.problem;
  const reason: FieldMessage =
    status === 413
      ? { key: 'submit.upload.too-large', values: { max: maxMb } }
      : status === 415
        ? { key: 'submit.upload.wrong-type', values: {} }
        : { problemType: type ?? 'about:blank', text: title };
  return detail && status !== 413 ? [reason, { text: detail }] : [reason];
}

/**
 * The files step, `/{locale}/j/{slug}/submit/{id}/files`: each file with its kind and its
 * anonymisation report (where a contributor's name is still in the copy reviewers would get,
 * what was removed), and the upload form (POST /api/submissions/:id/files): a multipart form
 * whose address carries its token, the kind of file before the file; its island adds drag and
 * drop and a progress bar. An upload goes back to the page with the new file's report open.
 * Each file has its Remove button (DELETE /api/submissions/:id/files/:fileId as a form).
 */
@WebController(':locale/j/:slug/submit/:id/files')
export class SubmitFilesController {
  constructor(
    private readonly wizard: SubmitWizard,
    private readonly files: SubmissionFiles,
  ) {}

  @Get()
  async list(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('uploaded') uploaded: unknown,
    @CurrentUser() user: Person,
  ): Promise<WebPage | WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const fresh = typeof uploaded === 'string' && UUID.test(uploaded) ? uploaded : null;
    return sentAway(locale, draft) ?? this.page(draft, blankForm(), fresh);
  }

  @Post()
  async upload(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadBody() body: UploadSource,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    // Whose draft it is comes first: nothing is read, let alone stored, for anyone else.
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const form = await readUploadForm(body);
    const genre = form.fields.genre;
    const values = { genre: genre ?? '' };
    if (!isGenre(genre) || !form.file) {
      form.skip();
      const errors: FormView['errors'] = isGenre(genre)
        ? { file: [{ key: 'submit.error.file-none', values: {} }] }
        : { genre: [{ key: 'submit.error.genre', values: {} }] };
      return this.page(draft, { values, errors }, null, 422);
    }
    let fileId: string;
    try {
      fileId = (await this.files.upload(id, user, genre, form.file, actor)).id;
    } catch (error) {
      form.skip();
      if (!(error instanceof ProblemException)) throw error;
      const errors = { file: refusal(error, draft.journal.maxUploadMb) };
      return this.page(draft, { values, errors }, null, 422);
    }
    await this.wizard.saved(draft.submission, 'files');
    return redirectAfterForm(
      `${stepAddress(locale, slug, id, 'files')}?uploaded=${fileId}#file-${fileId}`,
      'submit.flash.uploaded',
    );
  }

  /** Back or on from the files step (uploads are saved as they come). */
  @Post('continue')
  async proceed(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: Person,
  ): Promise<WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    if (draft.files.length) await this.wizard.saved(draft.submission, 'files');
    return afterSave(locale, draft, 'files', goOf(formValues(body).go));
  }

  /**
   * Takes a file away (a small form beside each file), then back to the list. A second press,
   * the file gone already, lands on the same list: there is nothing left to remove.
   */
  @Post(':fileId/remove')
  async remove(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() user: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebRedirect> {
    const draft = await this.wizard.draft(slug, id, user);
    const away = sentAway(locale, draft);
    if (away) return away;
    const list = stepAddress(locale, slug, id, 'files');
    if (!draft.files.some((file) => file.id === fileId))
      return redirectAfterForm(list, 'submit.flash.file-removed');
    try {
      await this.files.remove(id, fileId, user, actor);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      // Sent meanwhile (a submit in another tab): its page, where files are no longer changed.
      if (error.problem.type === problemType('file-not-removable'))
        return redirectAfterForm(submissionAddress(locale, slug, id));
      // Removed meanwhile (two presses at once): gone, as asked.
      if (error.problem.status !== 404) throw error;
    }
    return redirectAfterForm(list, 'submit.flash.file-removed');
  }

  /** One of the draft's files, as uploaded (GET /api/submissions/:id/files/:fileId/content). */
  @Get(':fileId')
  async download(
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentUser() user: Person,
  ): Promise<FileDownload> {
    await this.wizard.draft(slug, id, user);
    return this.files.ownFile(id, fileId, user);
  }

  private page(draft: Draft, form: FormView, fresh: string | null, status?: 422) {
    const hasManuscript = draft.files.some((file) => file.genre === 'manuscript');
    if (!form.values.genre) form.values.genre = hasManuscript ? 'figure' : 'manuscript';
    const files = draftFiles(draft, fresh);
    return stepPage(
      this.wizard,
      draft,
      'files',
      { form, files, genres: FILE_GENRES, maxMb: draft.journal.maxUploadMb },
      status,
    );
  }
}
