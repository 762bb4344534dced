import { Readable } from 'node:stream';
import type { User } from '../accounts';
import type { UploadSource } from '../common/http/files';
import type { Locale } from '../common/i18n/locale';
import type { DecisionKind } from '../editorial/stages/stage-transitions';
import type { ReviewForm } from '../reviews';
import { type DemoCast, daysFromNow } from './demo-cast';
import type { DemoHistory } from './demo-history.repository';
import { demoManuscript } from './demo-manuscripts';
import type { DemoServices } from './demo-services';
import {
  DEMO_FORM_QUESTIONS,
  DEMO_FORM_TITLES,
  DEMO_SUBMISSIONS,
  type DemoAssignment,
  type DemoReviewRound,
  type DemoSubmission,
} from './demo-submissions';

const REFERENCES = 'Putnam, R. D. (2000). Bowling Alone. Simon & Schuster.';
const WITHDRAWAL_REASON = 'The data set needs another year of collection.';

export interface DemoWorkOptions {
  /** The issues: volume 1, number 1 published, number 2 in preparation. */
  issues?: boolean;
}

/** The demo manuscript of a submission: the same bytes (and storage key) every time. */
function manuscriptOf(demo: DemoSubmission): Buffer {
  return Buffer.from(
    demoManuscript(demo.locale, demo.titles[demo.locale]!, demo.abstracts[demo.locale]!),
  );
}

/** An upload as the API receives it: a multipart body with the file in the field "file". */
export function upload(fileName: string, mediaType: string, bytes: Buffer): UploadSource {
  const boundary = `demo-${Date.now().toString(36)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${mediaType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return Object.assign(Readable.from([body]), {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
    },
  });
}

/**
 * The demo's submissions and what happened to them, each step through the service a person
 * would have used, as that person; the history then dates each step to its day in the story.
 * Skipped when the journal has submissions already, but for storing the manuscripts again
 * (another checkout with its own file storage: typesetting needs them).
 */
export async function seedDemoWork(
  s: DemoServices,
  history: DemoHistory,
  cast: DemoCast,
  options: DemoWorkOptions = {},
): Promise<void> {
  const form = await reviewForm(s, cast);
  if (await history.hasSubmissions(cast.journal.id)) {
    for (const demo of DEMO_SUBMISSIONS.filter((candidate) => candidate.stage !== 'draft'))
      await s.storage.put(Readable.from(manuscriptOf(demo)));
    return;
  }
  const work = new DemoWork(s, history, cast, form);
  // In the order they came in, so that the journal numbers them in that order.
  const inOrder = [...DEMO_SUBMISSIONS].sort((a, b) => (a.submitted ?? 0) - (b.submitted ?? 0));
  const ids = new Map<DemoSubmission, string>();
  for (const demo of inOrder) ids.set(demo, await work.submission(demo));
  if (options.issues === false) return;
  const inStage = (stage: DemoSubmission['stage']) =>
    inOrder.filter((demo) => demo.stage === stage).map((demo) => ids.get(demo)!);
  await work.issues(inStage('published'), inStage('production'));
}

/** The journal's review form, as its manager set it up: offered, not the default. */
async function reviewForm(s: DemoServices, cast: DemoCast): Promise<ReviewForm> {
  const [existing] = await s.forms.list(cast.journal);
  if (existing) return existing;
  return s.forms.create(
    cast.journal,
    { titles: DEMO_FORM_TITLES, questions: DEMO_FORM_QUESTIONS, active: true, isDefault: false },
    cast.actor('manager'),
  );
}

class DemoWork {
  constructor(
    private readonly s: DemoServices,
    private readonly history: DemoHistory,
    private readonly cast: DemoCast,
    private readonly form: ReviewForm,
  ) {}

  /** Runs a step, then dates the events it recorded in the submission's history to `at`. */
  private async on<T>(submissionId: string, at: Date, step: () => Promise<T>): Promise<T> {
    const since = await this.history.clock();
    const result = await step();
    await this.history.eventsHappened(submissionId, since, at);
    return result;
  }

  /** A submission by its author: drafted the day before it was submitted, if it was. */
  async submission(demo: DemoSubmission): Promise<string> {
    const { journal } = this.cast;
    const author = this.cast.person(demo.author);
    const actor = this.cast.actor(demo.author);
    const section = (await this.s.sections.list(journal)).find(
      (candidate) => candidate.titles.en === demo.section,
    )!;
    const submittedAt = daysFromNow(demo.submitted ?? 0);
    const createdAt = daysFromNow((demo.submitted ?? 0) - 1);
    const submitted = demo.stage !== 'draft';

    const since = await this.history.clock();
    const { id } = await this.s.drafts.create(
      journal,
      author,
      { sectionId: section.id, locale: demo.locale },
      actor,
    );
    await this.history.eventsHappened(id, since, createdAt);
    await this.s.drafts.update(id, author, {
      metadata: Object.fromEntries(
        (Object.entries(demo.titles) as [Locale, string][]).map(([locale, title]) => [
          locale,
          {
            title,
            abstract: demo.abstracts[locale] ?? null,
            keywords: demo.keywords[locale] ?? [],
          },
        ]),
      ),
      references: REFERENCES,
      competingInterests: 'None declared.',
      ...(submitted
        ? { checklistConfirmed: journal.submissionChecklist.map((item) => item.id) }
        : {}),
    });
    if (!submitted) {
      await this.history.received(id, createdAt, null);
      return id;
    }

    await this.on(id, submittedAt, async () => {
      await this.s.files.upload(
        id,
        author,
        'manuscript',
        upload('manuscript.md', 'text/markdown', manuscriptOf(demo)),
        actor,
      );
      const terms = await this.s.drafts.terms(id, author, author.preferredLocale);
      await this.s.drafts.agree(
        id,
        author,
        { termsVersion: terms.termsVersion, locale: terms.locale, agree: true },
        actor,
      );
      await this.s.submitting.submit(id, author, actor);
    });
    await this.history.received(id, createdAt, submittedAt);
    await this.history.shortenDraftingHistory(id);

    if (demo.review) await this.review(id, demo.review);
    if (demo.stage === 'withdrawn')
      await this.s.withdrawal.withdraw(id, author, WITHDRAWAL_REASON, actor);
    return id;
  }

  /** An editor's decision, on the lock version the decision form showed them. */
  private async decide(
    submissionId: string,
    decision: DecisionKind,
    at: Date,
    more: { revisionsDueAt?: Date; notifyAuthor?: boolean } = {},
  ): Promise<void> {
    const { journal } = this.cast;
    const viewer = this.cast.viewer('editor');
    await this.on(submissionId, at, async () => {
      const { lockVersion } = await this.s.decisions.draft(journal, viewer, submissionId, {
        decision,
      });
      const made = await this.s.decisions.decide(
        journal,
        viewer,
        this.cast.person('editor'),
        submissionId,
        { decision, lockVersion, ...more },
        this.cast.actor('editor'),
      );
      await this.history.decided(made.id, at);
    });
  }

  /** The first round: sent to review, the invitations and their answers, the decision. */
  private async review(submissionId: string, plan: DemoReviewRound): Promise<void> {
    const opened = daysFromNow(plan.sentToReview);
    // The editor sends it to review without a letter, as the demo always had it.
    await this.decide(submissionId, 'send_to_review', opened, { notifyAuthor: false });
    await this.history.roundDates(submissionId, opened);
    for (const part of plan.assignments) await this.assignment(submissionId, part);
    if (!plan.outcome) return;

    const { decision, decided, revisionsDue, toProduction } = plan.outcome;
    const decidedAt = daysFromNow(decided);
    await this.decide(
      submissionId,
      decision,
      decidedAt,
      decision === 'request_revisions'
        ? { revisionsDueAt: daysFromNow(revisionsDue ?? decided + 30) }
        : {},
    );
    await this.history.roundDates(submissionId, opened, decidedAt);
    if (decision === 'accept' && toProduction !== undefined)
      await this.decide(submissionId, 'send_to_production', daysFromNow(toProduction));
  }

  /** A reviewer invited by the editor, their answer, and their review (saved or submitted). */
  private async assignment(submissionId: string, part: DemoAssignment): Promise<void> {
    const { journal } = this.cast;
    const reviewer: User = this.cast.person(part.reviewer);
    const actor = this.cast.actor(part.reviewer);
    const invitedAt = daysFromNow(part.invited);
    const assignment = await this.on(submissionId, invitedAt, () =>
      this.s.invitationsToReview.invite(
        journal,
        this.cast.viewer('editor'),
        this.cast.person('editor'),
        submissionId,
        { reviewerId: reviewer.id, reviewFormId: this.form.id },
        this.cast.actor('editor'),
      ),
    );
    await this.history.invited(assignment.id, {
      invited: invitedAt,
      responseDue: daysFromNow(part.responseDue),
      reviewDue: daysFromNow(part.reviewDue),
    });
    if (part.state === 'invited') return;

    const answeredAt = daysFromNow(part.responded ?? part.invited + 2);
    await this.on(submissionId, answeredAt, () =>
      part.state === 'declined'
        ? this.s.answers.declineSignedIn(
            reviewer,
            assignment.id,
            { reason: part.declineReason, suggestedReviewer: part.suggestedReviewer },
            actor,
          )
        : this.s.answers.acceptSignedIn(reviewer, assignment.id, actor),
    );
    await this.history.answered(assignment.id, answeredAt);
    if (!part.review) return;

    const { recommendation, answers, commentsForAuthor, commentsForEditor, submitted } =
      part.review;
    const review = {
      answers,
      ...(recommendation ? { recommendation } : {}),
      commentsForAuthor,
      commentsForEditor,
      competingInterests: 'None.',
    };
    if (submitted === undefined) {
      await this.s.reviewing.saveDraft(reviewer, assignment.id, review);
      return;
    }
    const submittedAt = daysFromNow(submitted);
    await this.on(submissionId, submittedAt, () =>
      this.s.reviewing.submit(reviewer, assignment.id, review, actor),
    );
    await this.history.reviewed(assignment.id, submittedAt);
  }

  /**
   * Volume 1, number 1, published a month ago with the two published articles (their pages
   * come from typesetting it, which waits for the worker), and number 2 in preparation with
   * the article in production.
   */
  async issues(published: string[], inProduction: string[]): Promise<void> {
    const { journal } = this.cast;
    const viewer = this.cast.viewer('editor');
    const actor = this.cast.actor('editor');
    const year = new Date().getUTCFullYear();
    const publishedAt = daysFromNow(-30);

    const first = await this.s.issues.create(
      journal,
      {
        volume: 1,
        number: 1,
        year,
        titles: {
          ar: 'العدد الافتتاحي: التطوع في الخليج والمغرب',
          en: 'Opening issue: volunteering in the Gulf and the Maghreb',
          fr: 'Numéro inaugural\u00A0: le bénévolat dans le Golfe et au Maghreb',
        },
        showTitle: true,
      },
      actor,
    );
    await this.s.contents.set(
      journal,
      viewer,
      first.id,
      { items: published.map((submissionId, seq) => ({ submissionId, seq })) },
      actor,
    );
    // Publishing needs pages or an article number; the pages come later, from typesetting.
    for (const [index, submissionId] of published.entries()) {
      const [record] = await this.s.publications.records(journal, viewer, submissionId);
      await this.s.publications.update(
        journal,
        viewer,
        submissionId,
        { lockVersion: record.lockVersion, articleNumber: `e${index + 1}` },
        actor,
      );
    }
    const since = await this.history.clock();
    const { lockVersion } = await this.s.issues.find(journal, first.id);
    await this.s.publisher.publish(
      journal,
      viewer,
      first.id,
      { lockVersion, notifyReaders: false },
      actor,
    );
    await this.history.published(first.id, publishedAt);
    for (const submissionId of published)
      await this.history.eventsHappened(submissionId, since, publishedAt);
    await this.history.typesettingWaits(journal.id, first.id, this.cast.person('editor').id);

    const next = await this.s.issues.create(journal, { volume: 1, number: 2, year }, actor);
    await this.s.contents.set(
      journal,
      viewer,
      next.id,
      { items: inProduction.map((submissionId, seq) => ({ submissionId, seq })) },
      actor,
    );
  }
}
