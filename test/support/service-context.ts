import type { Abstract, INestApplicationContext, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { User } from '../../src/accounts';
import type { Locale } from '../../src/common/i18n/locale';
import { DEMO_PEOPLE, type DemoSeedOptions, openDemoApp, seedDemo } from '../../src/demo';
import { upload } from '../../src/demo/demo-work';

/** A file as an upload route receives it (multipart), for services that take one. */
export const uploadSource = upload;
import { demoServices, type DemoServices } from '../../src/demo/demo-services';
import type { Actor, Viewer } from '../../src/editorial/request-context';
import type { JournalRoleName } from '../../src/editorial/roles';
import type { Journal } from '../../src/journals';
import type { ReviewFormQuestion } from '../../src/reviews';
import type { Submission } from '../../src/submissions';
import { makeMarkdown } from './manuscripts';
import { createTestEnvironment, type TestEnvironment } from './test-environment';

/**
 * What a service test stands on: a database of its own (cloned from the migrated template),
 * the API's modules without their HTTP server or the worker (emails stay in the outbox), and
 * the demo journal with its people (and, if asked, its submissions), made through the services.
 */
export interface ServiceContext {
  env: TestEnvironment;
  app: INestApplicationContext;
  dataSource: DataSource;
  services: DemoServices;
  journal: Journal;
  get<T>(type: Type<T> | Abstract<T>): T;
  /** A demo person by key ('editor', 'author1', 'section.field'…). */
  person(key: string): Promise<User>;
  /** What the audit log and the history record for the person. */
  actor(user: Pick<User, 'id'>): Actor;
  /** The person as the journal's guard lets them in: their demo roles unless others are given. */
  viewer(user: User, roles?: JournalRoleName[]): Viewer;
  given: GivenServices;
  close(): Promise<void>;
}

export async function startServiceContext(
  demo: DemoSeedOptions = { submissions: false },
): Promise<ServiceContext> {
  const env = await createTestEnvironment();
  const app = await openDemoApp(env.config);
  try {
    const journal = await seedDemo(app, demo);
    const services = demoServices(app);
    const people = new Map<string, User>();
    const context: ServiceContext = {
      env,
      app,
      dataSource: app.get<DataSource>(getDataSourceToken()),
      services,
      journal,
      get: (type) => app.get(type, { strict: false }),
      async person(key) {
        if (!people.has(key)) {
          const user = await services.people.byEmail(`${key}@volunteering.example.org`);
          if (!user) throw new Error(`no demo person ${key}`);
          people.set(key, user);
        }
        return people.get(key)!;
      },
      actor: (user) => ({ kind: 'user', userId: user.id, ip: '127.0.0.1' }),
      viewer: (user, roles) => ({
        user,
        roles: roles ?? DEMO_PEOPLE.find((person) => person.email === user.email)?.roles ?? [],
        isSiteAdmin: user.isSiteAdmin,
      }),
      given: undefined as unknown as GivenServices,
      async close() {
        await app.close();
        await env.cleanup();
      },
    };
    context.given = new GivenServices(context);
    return context;
  } catch (error) {
    await app.close();
    await env.cleanup();
    throw error;
  }
}

/** How an author fills in a draft; every part has a default. */
export interface ServiceDraftPlan {
  title?: string;
  /** The section's English title (default: Research Articles). */
  section?: string;
  locale?: Locale;
  /** Demo people (keys) in the byline after the author. */
  coAuthors?: string[];
  /** Leave these out: what the completeness check must then ask for. */
  without?: ('metadata' | 'checklist' | 'manuscript' | 'agreement')[];
}

/**
 * Scenarios built through the services, as their people would (the service-level twin of
 * given.ts): drafts, submissions, submissions in review with reviewers who accepted.
 */
export class GivenServices {
  constructor(private readonly context: ServiceContext) {}

  /** A draft with what the plan gives it, ready to submit unless the plan leaves parts out. */
  async draft(authorKey: string, plan: ServiceDraftPlan = {}): Promise<Submission> {
    const { services: s, journal } = this.context;
    const author = await this.context.person(authorKey);
    const actor = this.context.actor(author);
    const without = new Set(plan.without ?? []);
    const locale = plan.locale ?? 'en';
    const section = (await s.sections.list(journal)).find(
      (candidate) => candidate.titles.en === (plan.section ?? 'Research Articles'),
    );
    if (!section) throw new Error(`no section ${plan.section}`);
    const draft = await s.drafts.create(journal, author, { sectionId: section.id, locale }, actor);
    const title = plan.title ?? 'A manuscript';
    const entry = (suffix: string) => ({
      title: `${title}${suffix}`,
      abstract: `An abstract of ${title}.`,
      keywords: ['volunteering'],
    });
    await s.drafts.update(draft.id, author, {
      ...(without.has('metadata')
        ? {}
        : { metadata: { ar: entry(' (ar)'), en: entry(''), fr: entry(' (fr)') } }),
      ...(without.has('checklist')
        ? {}
        : { checklistConfirmed: journal.submissionChecklist.map((item) => item.id) }),
    });
    if (plan.coAuthors?.length) {
      const byline = [
        author,
        ...(await Promise.all(plan.coAuthors.map((key) => this.context.person(key)))),
      ];
      await s.drafts.setContributors(draft.id, author, {
        contributors: byline.map((person, index) => ({
          names: person.names,
          email: person.email,
          affiliation: person.affiliation,
          corresponding: index === 0,
        })),
      });
    }
    if (!without.has('manuscript'))
      await s.files.upload(
        draft.id,
        author,
        'manuscript',
        upload(
          'm.md',
          'text/markdown',
          makeMarkdown({ author: 'Anonymous', title: 'Manuscript', body: `${title}.` }),
        ),
        actor,
      );
    if (!without.has('agreement')) {
      const terms = await s.drafts.terms(draft.id, author, locale);
      await s.drafts.agree(
        draft.id,
        author,
        { termsVersion: terms.termsVersion, locale, agree: true },
        actor,
      );
    }
    return draft;
  }

  /** A complete draft, submitted by its author. */
  async submitted(authorKey: string, plan: ServiceDraftPlan = {}): Promise<Submission> {
    const author = await this.context.person(authorKey);
    const draft = await this.draft(authorKey, plan);
    return this.context.services.submitting.submit(draft.id, author, this.context.actor(author));
  }

  /** The submission's stage and lock version as they are now. */
  async state(submissionId: string): Promise<{ stage: string; lockVersion: number }> {
    const [row]: { stage: string; lock_version: number }[] = await this.context.dataSource.query(
      'SELECT stage, lock_version FROM submissions WHERE id = $1',
      [submissionId],
    );
    return { stage: row.stage, lockVersion: row.lock_version };
  }

  /** A decision by `editorKey` on the current lock version, with the DTO's other fields. */
  async decided(
    submissionId: string,
    dto: Record<string, unknown> & { decision: string },
    editorKey = 'editor',
  ) {
    const editor = await this.context.person(editorKey);
    const { lockVersion } = await this.state(submissionId);
    return this.context.services.decisions.decide(
      this.context.journal,
      this.context.viewer(editor),
      editor,
      submissionId,
      { lockVersion, ...dto } as never,
      this.context.actor(editor),
    );
  }

  /** Submitted, sent to review, with these reviewers invited and accepting. */
  async inReview(
    authorKey: string,
    plan: ServiceDraftPlan & { reviewers?: string[] } = {},
  ): Promise<{ submission: Submission; assignments: Record<string, string> }> {
    const { services: s, journal } = this.context;
    const submission = await this.submitted(authorKey, plan);
    await this.decided(submission.id, { decision: 'send_to_review' });
    const editor = await this.context.person('editor');
    const assignments: Record<string, string> = {};
    for (const key of plan.reviewers ?? []) {
      const reviewer = await this.context.person(key);
      const assignment = await s.invitationsToReview.invite(
        journal,
        this.context.viewer(editor),
        editor,
        submission.id,
        { reviewerId: reviewer.id },
        this.context.actor(editor),
      );
      await s.answers.acceptSignedIn(reviewer, assignment.id, this.context.actor(reviewer));
      assignments[key] = assignment.id;
    }
    return { submission, assignments };
  }

  /** The reviewer submits their review with this recommendation, answering the form's questions. */
  async reviewed(reviewerKey: string, assignmentId: string, recommendation: string) {
    const reviewer = await this.context.person(reviewerKey);
    const [{ questions }]: { questions: ReviewFormQuestion[] }[] =
      await this.context.dataSource.query(
        'SELECT questions FROM reviews WHERE assignment_id = $1',
        [assignmentId],
      );
    await this.context.services.reviewing.submit(
      reviewer,
      assignmentId,
      {
        answers: Object.fromEntries(questions.map((question) => [question.id, answerTo(question)])),
        recommendation: recommendation as never,
        commentsForAuthor: `Comments by ${reviewerKey}.`,
      },
      this.context.actor(reviewer),
    );
  }
}

/** An answer the question takes: the top of a scale, no, the first choice, a sentence. */
function answerTo(question: ReviewFormQuestion): string | number | boolean {
  switch (question.kind) {
    case 'scale':
      return question.scale?.max ?? 5;
    case 'yes_no':
      return false;
    case 'choice':
      return question.options?.[0]?.id ?? '';
    case 'text':
      return 'Sound.';
  }
}
