import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ProblemException } from '../../common/http/problem.exception';
import { UploadBody, type UploadSource } from '../../common/http/files';
import type { Locale } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import type { Person } from '../../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../../editorial/request-context';
import { AuthorDecisionsService, RevisionDto } from '../../decisions';
import { DiscussionsService, MessageDto, StartDiscussionDto } from '../../production';
import {
  FILE_GENRES,
  type FileGenre,
  SubmissionFiles,
  Withdrawal,
  WithdrawDto,
} from '../../submissions';
import { ProofResponseDto, Proofs } from '../../typesetting';
import { blankForm, type FormView, formProblem, formValues, readForm } from '../foundation/forms';
import { PageLocale, WebController } from '../foundation/web-controller.decorator';
import {
  page,
  redirectAfterForm,
  redirectTo,
  type WebPage,
  type WebRedirect,
} from '../foundation/web-page';
import { submissionAddress } from './author-addresses';
import { canWithdraw } from './author-view';
import { AuthorWorkspace, type RefusedForm } from './author-workspace.service';

/** The problem a service raises when what a form asks was already done (a second send). */
const isProblem = (error: unknown, code: string) =>
  error instanceof ProblemException && error.problem.type === `urn:tahkim:problem:${code}`;

/**
 * A form's double-send guard: the form carries what the page showed (how many messages, the
 * author's last answer…); when that has changed, the same form was sent already and this send
 * does nothing more. A form sent from a page shown later carries the new state.
 */
const sentAlready = (seen: unknown, now: number | string) =>
  typeof seen === 'string' && seen !== '' && seen !== String(now);

/**
 * The forms of the author's submission page: the revision (its files, then the response to
 * the reviewers), the answer to a proof, discussions (start, write, share a file, close), and
 * withdrawal after its confirmation page. Each posts, then comes back to the page's section
 * (post–redirect–get); a refused form is the page again with each message beside its field.
 * Uploads are multipart: the CSRF token and the guard travel in the form's address.
 */
@WebController(':locale/j/:slug/submissions/:id')
export class AuthorFormsController {
  constructor(
    private readonly workspace: AuthorWorkspace,
    private readonly files: SubmissionFiles,
    private readonly decisions: AuthorDecisionsService,
    private readonly discussions: DiscussionsService,
    private readonly proofs: Proofs,
    private readonly withdrawal: Withdrawal,
  ) {}

  /** A file of the revision: the revised manuscript, or a figure, table… (`genre`). */
  @Post('revision/files')
  async revisionFile(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('genre') genre: unknown,
    @Query('seen') seen: unknown,
    @UploadBody() upload: UploadSource,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    if (!(FILE_GENRES as readonly unknown[]).includes(genre))
      throw httpProblems.raise('malformed-body', 'Not a kind of file of a submission');
    await this.workspace.own(slug, id, person);
    const back = submissionAddress(locale, slug, id, 'revision');
    if (sentAlready(seen, await this.workspace.revisionFileCount(person, id)))
      return redirectAfterForm(back);
    try {
      await this.files.upload(id, person, genre as FileGenre, upload, actor);
    } catch (error) {
      return this.again(locale, slug, id, person, error, { form: 'revision-file' }, {});
    }
    return redirectAfterForm(back, 'author.flash.revision-file');
  }

  /** Sends the revision with the response to the reviewers. */
  @Post('revision')
  async revision(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const values = formValues(body);
    const { value, form } = await readForm(RevisionDto, values);
    if (form) return this.refused(locale, slug, id, person, { form: 'revision', view: form });
    try {
      await this.decisions.submitRevision(person, id, value.response, actor);
    } catch (error) {
      // Sent twice: the first send took it, and the page says so.
      if (isProblem(error, 'no-revisions-requested'))
        return redirectAfterForm(submissionAddress(locale, slug, id));
      return this.again(locale, slug, id, person, error, { form: 'revision' }, values);
    }
    return redirectAfterForm(submissionAddress(locale, slug, id), 'author.flash.revision-sent');
  }

  /** Approves a proof, or sends corrections (they open a production discussion). */
  @Post('proofs/:runId/answer')
  async answerProof(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Body() body: unknown,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const values = formValues(body);
    if (sentAlready(values.seen, await this.workspace.proofAnswerState(person, id, runId)))
      return redirectAfterForm(submissionAddress(locale, slug, id, 'proofs'));
    const { value, form } = await readForm(ProofResponseDto, values);
    if (form) return this.refused(locale, slug, id, person, { form: 'proof', view: form });
    let answered;
    try {
      answered = await this.proofs.answerMine(person, id, runId, value, actor);
    } catch (error) {
      return this.again(locale, slug, id, person, error, { form: 'proof' }, values);
    }
    if (value.response === 'approved')
      return redirectAfterForm(
        submissionAddress(locale, slug, id, 'proofs'),
        'author.flash.proof-approved',
      );
    // The corrections' discussion, where a file can follow them.
    const discussionId = answered.responses.find(
      (response) => response.userId === person.id,
    )?.discussionId;
    return redirectAfterForm(
      submissionAddress(locale, slug, id, discussionId ? `discussion-${discussionId}` : 'proofs'),
      'author.flash.corrections-sent',
    );
  }

  /** Starts a discussion of a stage the submission has reached. */
  @Post('discussions')
  async startDiscussion(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const values = formValues(body);
    if (sentAlready(values.seen, await this.workspace.discussionCount(person, id)))
      return redirectAfterForm(submissionAddress(locale, slug, id, 'discussions'));
    const { value, form } = await readForm(StartDiscussionDto, values);
    if (form)
      return this.refused(locale, slug, id, person, { form: 'start-discussion', view: form });
    let started;
    try {
      started = await this.discussions.start(person, id, value, actor);
    } catch (error) {
      return this.again(locale, slug, id, person, error, { form: 'start-discussion' }, values);
    }
    return redirectAfterForm(
      submissionAddress(locale, slug, id, `discussion-${started.id}`),
      'author.flash.discussion-started',
    );
  }

  @Post('discussions/:discussionId/messages')
  async message(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Body() body: unknown,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const back = submissionAddress(locale, slug, id, `discussion-${discussionId}`);
    const values = formValues(body);
    if (sentAlready(values.seen, await this.workspace.messageCount(person, id, discussionId)))
      return redirectAfterForm(back);
    const { value, form } = await readForm(MessageDto, values);
    if (form)
      return this.refused(locale, slug, id, person, { form: 'message', discussionId, view: form });
    try {
      await this.discussions.post(person, id, discussionId, value.body, actor);
    } catch (error) {
      return this.again(locale, slug, id, person, error, { form: 'message', discussionId }, values);
    }
    return redirectAfterForm(back, 'author.flash.message-sent');
  }

  /** Shares a file in the discussion (multipart). */
  @Post('discussions/:discussionId/files')
  async discussionFile(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @Query('seen') seen: unknown,
    @UploadBody() upload: UploadSource,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const back = submissionAddress(locale, slug, id, `discussion-${discussionId}`);
    if (sentAlready(seen, await this.workspace.messageCount(person, id, discussionId)))
      return redirectAfterForm(back);
    try {
      await this.discussions.upload(person, id, discussionId, upload, actor);
    } catch (error) {
      const form = { form: 'discussion-file' as const, discussionId };
      return this.again(locale, slug, id, person, error, form, {});
    }
    return redirectAfterForm(back, 'author.flash.file-shared');
  }

  /** Closes a discussion the author started. */
  @Post('discussions/:discussionId/close')
  async close(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('discussionId', ParseUUIDPipe) discussionId: string,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebRedirect> {
    await this.workspace.own(slug, id, person);
    const back = submissionAddress(locale, slug, id, `discussion-${discussionId}`);
    try {
      await this.discussions.close(person, id, discussionId, actor);
    } catch (error) {
      // Closed already (a second send): the page shows it closed.
      if (isProblem(error, 'discussion-closed')) return redirectAfterForm(back);
      throw error;
    }
    return redirectAfterForm(back, 'author.flash.discussion-closed');
  }

  /** The confirmation page: what withdrawing means, and the reason to give. */
  @Get('withdraw')
  async withdrawPage(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() person: Person,
  ): Promise<WebPage | WebRedirect> {
    return this.withdrawForm(locale, slug, id, person, blankForm());
  }

  @Post('withdraw')
  async withdraw(
    @PageLocale() locale: Locale,
    @Param('slug') slug: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<WebPage | WebRedirect> {
    await this.workspace.own(slug, id, person);
    const values = formValues(body);
    const { value, form } = await readForm(WithdrawDto, values);
    if (form) return this.withdrawForm(locale, slug, id, person, form, 422);
    try {
      await this.withdrawal.withdraw(id, person, value.reason, actor);
    } catch (error) {
      // Withdrawn by the first send: the page shows it withdrawn.
      if (isProblem(error, 'not-withdrawable'))
        return redirectAfterForm(submissionAddress(locale, slug, id));
      throw error;
    }
    return redirectAfterForm(submissionAddress(locale, slug, id), 'author.flash.withdrawn');
  }

  private async withdrawForm(
    locale: Locale,
    slug: string,
    id: string,
    person: Person,
    form: FormView,
    status?: 422,
  ): Promise<WebPage | WebRedirect> {
    const submission = await this.workspace.own(slug, id, person);
    if (!canWithdraw(submission.stage)) return redirectTo(submissionAddress(locale, slug, id));
    const view = await this.workspace.submissionPage(slug, id, person, locale);
    return page(
      'author/withdraw',
      { journal: view.journal, submission: view.submission, form },
      { cache: 'private', noindex: true, status },
    );
  }

  /** The page again with the refused form, its values kept and its messages beside it. */
  private async refused(
    locale: Locale,
    slug: string,
    id: string,
    person: Person,
    refused: RefusedForm,
  ): Promise<WebPage> {
    return page(
      'author/submission',
      await this.workspace.submissionPage(slug, id, person, locale, refused),
      { cache: 'private', noindex: true, status: 422 },
    );
  }

  /** A service's refusal as the form's message, or the error itself when it is not one. */
  private again(
    locale: Locale,
    slug: string,
    id: string,
    person: Person,
    error: unknown,
    refused: WithoutView<RefusedForm>,
    values: Record<string, string | string[]>,
  ): Promise<WebPage> {
    const view = formProblem(error, values);
    if (!view) throw error;
    return this.refused(locale, slug, id, person, { ...refused, view } as RefusedForm);
  }
}

/** A refused form's name (and discussion), before its view is known; for each kind of form. */
type WithoutView<T> = T extends unknown ? Omit<T, 'view'> : never;
