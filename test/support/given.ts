import type { Locale } from '../../src/common/i18n/locale';
import { DEMO_JOURNAL_SLUG } from '../../src/demo';
import { type Stack, tokenIn } from './api-with-worker';
import { makeMarkdown } from './manuscripts';
import { addressOf, signIn } from './sign-in';

/** A submitted manuscript: its id and the number the journal gave it. */
export interface Submitted {
  id: string;
  number: string;
}

type Metadata = { title: string; abstract?: string; keywords?: string[] };

/** How an author fills in a draft; every part has a default. */
export interface DraftPlan {
  /** The title in the manuscript's language; by default also in Arabic, English and French. */
  title?: string;
  /** The metadata per language, instead of the title's defaults. */
  metadata?: Partial<Record<Locale, Metadata>>;
  /** The section's English title (default: Research Articles). */
  section?: string;
  locale?: Locale;
  /** A demo person (key) added to the byline after the author. */
  coAuthor?: string;
  /** More fields of the draft: funding, references, competingInterests… */
  fields?: Record<string, unknown>;
  /** The manuscript uploaded (default: a short Markdown file); null for none. */
  manuscript?: { content: Buffer; filename: string } | null;
}

/** A submission sent to review, and who is invited to review it. */
export interface ReviewPlan extends DraftPlan {
  /** Who sends it to review (default: the editor). */
  editor?: string;
  /** Reviewers invited by the editor, each accepting through the invitation email's link. */
  reviewers?: string[];
}

/**
 * Scenarios built as people build them, through the API of a running stack: drafts completed
 * by their authors, submissions, submissions in review with reviewers who accepted, decisions.
 * Signs people in (the demo password) as it needs them, unless `auth` already has their
 * `Authorization` header (pass the test's own map to share the sessions).
 *
 *   const given = givenFor(stack, auth);
 *   const { id } = await given.submissionInReview('author3', { title: 'Paths', reviewers: ['reviewer1'] });
 */
export class Given {
  private journal?: { id: string; checklist: string[]; sections: Map<string, string> };

  constructor(
    private readonly stack: Stack,
    private readonly auth: Record<string, string> = {},
    private readonly slug = DEMO_JOURNAL_SLUG,
  ) {}

  /** The `Authorization` header of `who`, signed in once. */
  async as(who: string): Promise<{ Authorization: string }> {
    this.auth[who] ??= await signIn(this.stack, who);
    return { Authorization: this.auth[who] };
  }

  /** The id of a person (a demo key or an address). */
  async userId(who: string): Promise<string> {
    const [row]: { id: string }[] = await this.stack.dataSource.query(
      'SELECT id FROM users WHERE email = $1',
      [addressOf(who)],
    );
    if (!row) throw new Error(`no user ${addressOf(who)}`);
    return row.id;
  }

  private async journalFacts() {
    if (this.journal) return this.journal;
    const [journal]: { id: string; submission_checklist: { id: string }[] }[] =
      await this.stack.dataSource.query(
        'SELECT id, submission_checklist FROM journals WHERE slug = $1',
        [this.slug],
      );
    const sections: { id: string; titles: { en?: string } }[] = await this.stack.dataSource.query(
      'SELECT id, titles FROM sections WHERE journal_id = $1',
      [journal.id],
    );
    this.journal = {
      id: journal.id,
      checklist: journal.submission_checklist.map((item) => item.id),
      sections: new Map(sections.map((section) => [section.titles.en ?? '', section.id])),
    };
    return this.journal;
  }

  /** A draft with its metadata, checklist and byline, not yet complete; returns its id. */
  async draft(author: string, plan: DraftPlan = {}): Promise<string> {
    const http = () => this.stack.http();
    const journal = await this.journalFacts();
    const locale = plan.locale ?? 'ar';
    const draft = await http()
      .post(`/api/journals/${this.slug}/submissions`)
      .set(await this.as(author))
      .send({ sectionId: journal.sections.get(plan.section ?? 'Research Articles'), locale })
      .expect(201);
    const id: string = draft.body.id;
    const title = plan.title ?? 'A manuscript';
    const entry = (suffix: string): Metadata => ({
      title: `${title}${suffix}`,
      abstract: `An abstract of ${title}.`,
      keywords: ['volunteering'],
    });
    await http()
      .patch(`/api/submissions/${id}`)
      .set(await this.as(author))
      .send({
        metadata: plan.metadata ?? { ar: entry(' (ar)'), en: entry(''), fr: entry(' (fr)') },
        checklistConfirmed: journal.checklist,
        ...plan.fields,
      })
      .expect(204);
    if (plan.coAuthor) {
      const person = async (who: string, corresponding: boolean) => {
        const [user]: { names: unknown; affiliation: string | null }[] =
          await this.stack.dataSource.query(
            'SELECT names, affiliation FROM users WHERE email = $1',
            [addressOf(who)],
          );
        return {
          names: user.names,
          email: addressOf(who),
          affiliation: user.affiliation,
          corresponding,
        };
      };
      await http()
        .put(`/api/submissions/${id}/contributors`)
        .set(await this.as(author))
        .send({ contributors: [await person(author, true), await person(plan.coAuthor, false)] })
        .expect(200);
    }
    return id;
  }

  /** The author uploads a manuscript (a new version when revisions were asked for). */
  async upload(author: string, id: string, manuscript = markdown('First version.')) {
    await this.stack
      .http()
      .post(`/api/submissions/${id}/files?genre=manuscript`)
      .set(await this.as(author))
      .attach('file', manuscript.content, manuscript.filename)
      .expect(201);
  }

  /** The author agrees to the journal's terms, as shown in `locale`. */
  async agree(author: string, id: string, locale: Locale = 'ar') {
    const http = () => this.stack.http();
    const terms = await http()
      .get(`/api/submissions/${id}/copyright-terms?locale=${locale}`)
      .set(await this.as(author))
      .expect(200);
    await http()
      .post(`/api/submissions/${id}/copyright-agreement`)
      .set(await this.as(author))
      .send({ termsVersion: terms.body.termsVersion, locale, agree: true })
      .expect(201);
  }

  /** A draft with everything it needs to be submitted: metadata, manuscript, agreement. */
  async completeDraft(author: string, plan: DraftPlan = {}): Promise<string> {
    const id = await this.draft(author, plan);
    if (plan.manuscript !== null) await this.upload(author, id, plan.manuscript ?? undefined);
    await this.agree(author, id, plan.locale ?? 'ar');
    return id;
  }

  /** The author submits the draft; returns its number. */
  async submit(author: string, id: string): Promise<Submitted> {
    const done = await this.stack
      .http()
      .post(`/api/submissions/${id}/submit`)
      .set(await this.as(author))
      .expect(200);
    return { id, number: done.body.number };
  }

  /** Draft → metadata → (contributors) → manuscript → agreement → submit, as `author`. */
  async submittedSubmission(author: string, plan: DraftPlan = {}): Promise<Submitted> {
    return this.submit(author, await this.completeDraft(author, plan));
  }

  /** A decision taken by `who` on the submission's current lock version (it must be taken). */
  async decided(id: string, body: Record<string, unknown>, who = 'editor') {
    const [{ lock_version: lockVersion }]: { lock_version: number }[] =
      await this.stack.dataSource.query('SELECT lock_version FROM submissions WHERE id = $1', [id]);
    const response = await this.stack
      .http()
      .post(`/api/journals/${this.slug}/submissions/${id}/decisions`)
      .set(await this.as(who))
      .send({ lockVersion, ...body })
      .expect(201);
    return response.body as Record<string, unknown>;
  }

  /** The editor invites `reviewer`, who accepts through the email's link; returns the assignment. */
  async reviewerAccepted(submission: Submitted, reviewer: string, editor = 'editor') {
    const invited = await this.stack
      .http()
      .post(`/api/journals/${this.slug}/submissions/${submission.id}/review-assignments`)
      .set(await this.as(editor))
      .send({ reviewerId: await this.userId(reviewer) })
      .expect(201);
    const mail = await this.stack.mailTo(
      addressOf(reviewer),
      (m) =>
        /\/reviews\/invitation\?token=/.test(m.text ?? '') &&
        (m.subject ?? '').includes(submission.number),
    );
    await this.stack
      .http()
      .post('/api/review-invitations/accept')
      .send({ token: tokenIn(mail) })
      .expect(200);
    return invited.body.id as string;
  }

  /** The reviewer submits their review of the assignment. */
  async reviewed(
    assignmentId: string,
    reviewer: string,
    review: { recommendation: string; commentsForAuthor: string; commentsForEditor?: string },
  ) {
    await this.stack
      .http()
      .post(`/api/reviews/${assignmentId}/review/submit`)
      .set(await this.as(reviewer))
      .send(review)
      .expect(200);
  }

  /** Submitted, sent to review by the editor, with the reviewers invited and accepting. */
  async submissionInReview(
    author: string,
    plan: ReviewPlan = {},
  ): Promise<Submitted & { assignments: Record<string, string> }> {
    const submission = await this.submittedSubmission(author, plan);
    await this.decided(submission.id, { decision: 'send_to_review' }, plan.editor);
    const assignments: Record<string, string> = {};
    for (const reviewer of plan.reviewers ?? [])
      assignments[reviewer] = await this.reviewerAccepted(submission, reviewer, plan.editor);
    return { ...submission, assignments };
  }
}

/** A short Markdown manuscript that names nobody. */
export function markdown(body: string) {
  return {
    content: makeMarkdown({ author: 'Anonymous', title: 'Manuscript', body }),
    filename: 'm.md',
  };
}

/** The scenarios of a stack (see Given). */
export const givenFor = (stack: Stack, auth?: Record<string, string>, slug?: string) =>
  new Given(stack, auth, slug);
