import { startServiceContext, type ServiceContext } from '../../test/support/service-context';
import { problemType } from '../common/problems/problem-registry';
import type { Viewer } from '../editorial/request-context';
import { IssuePublisher } from './issue-publisher.service';

const refusal = (code: string) => ({
  problem: expect.objectContaining({ type: problemType(code) }),
});

/**
 * Publishing an issue against the database, on the demo journal (volume 1, number 1 published;
 * number 2 in preparation with the article in production): refused with each article's missing
 * fields and every overlap of pages, with nothing changed; published with everything that goes
 * with it; taken back while no DOI is registered.
 */
describe('IssuePublisher', () => {
  let context: ServiceContext;
  let publisher: IssuePublisher;
  let viewer: Viewer;
  let issueId: string;
  let current: string;
  let legal: string;

  beforeAll(async () => {
    context = await startServiceContext({});
    publisher = context.get(IssuePublisher);
    viewer = context.viewer(await context.person('editor'));
    const issues: { id: string; number: number }[] = await context.dataSource.query(
      'SELECT id, number FROM issues ORDER BY number',
    );
    [current, issueId] = issues.map((issue) => issue.id);
    [{ id: legal }] = await context.dataSource.query(
      `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
      ['Legal frameworks for volunteering in the Maghreb'],
    );
  });

  afterAll(async () => {
    await context?.close();
  });

  const actor = () => context.actor(viewer.user!);
  const issue = async (id = issueId) =>
    (
      await context.dataSource.query(
        'SELECT status, published_at, is_current, lock_version FROM issues WHERE id = $1',
        [id],
      )
    )[0] as {
      status: string;
      published_at: Date | null;
      is_current: boolean;
      lock_version: number;
    };
  const publish = async (dto: { lockVersion?: number } = {}) =>
    publisher.publish(
      context.journal,
      viewer,
      issueId,
      { lockVersion: dto.lockVersion ?? (await issue()).lock_version, notifyReaders: true },
      actor(),
    );
  /** The article's record and stage, and what was asked of the worker and the mail. */
  const snapshot = async () => ({
    issue: await issue(),
    current: (await issue(current)).is_current,
    articles: await context.dataSource.query(
      `SELECT s.stage, s.lock_version, p.status, p.published_at, d.frozen_at
         FROM publications p JOIN submissions s ON s.id = p.submission_id
         LEFT JOIN doi_assignments d ON d.submission_id = p.submission_id
        WHERE p.issue_id = $1 ORDER BY p.seq`,
      [issueId],
    ),
    deposits: (
      await context.dataSource.query(
        'SELECT count(*)::int AS n FROM crossref_deposits WHERE issue_id = $1',
        [issueId],
      )
    )[0].n,
    emails: (
      await context.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_messages
          WHERE template IN ('article-published', 'issue-published')`,
      )
    )[0].n,
  });
  const setRecord = async (submissionId: string, fields: Record<string, unknown>) => {
    const [record] = await context.services.publications.records(
      context.journal,
      viewer,
      submissionId,
    );
    await context.services.publications.update(
      context.journal,
      viewer,
      submissionId,
      { lockVersion: record.lockVersion, ...fields },
      actor(),
    );
  };
  const refusedAs = async (code: string, attempt: () => Promise<unknown>) => {
    const before = await snapshot();
    const error = await attempt().then(
      () => null,
      (refused: unknown) => refused,
    );
    expect(error).toMatchObject(refusal(code));
    expect(await snapshot()).toEqual(before);
    return error as { problem: { detail: string; extensions: Record<string, unknown> } };
  };

  it('refuses an issue whose article lacks pages or an article number, naming it and what it lacks', async () => {
    const [{ number }] = await context.dataSource.query(
      'SELECT number FROM submissions WHERE id = $1',
      [legal],
    );
    const error = await refusedAs('issue-not-ready', () => publish());
    expect(error.problem.extensions).toEqual({
      articles: [{ article: number, missing: ['pages (or an article number)'] }],
      overlaps: [],
    });
    expect(error.problem.detail).toBe(`${number} lacks pages (or an article number)`);
  });

  it('lists every missing field of every article', async () => {
    await setRecord(legal, { copyrightHolder: '', metadata: { en: { title: '', abstract: '' } } });
    const error = await refusedAs('issue-not-ready', () => publish());
    expect((error.problem.extensions.articles as { missing: string[] }[])[0].missing).toEqual([
      'title (en)',
      'abstract (en)',
      'copyright holder',
      'pages (or an article number)',
    ]);
    await setRecord(legal, {
      copyrightHolder: 'The authors',
      metadata: {
        en: {
          title: 'Legal frameworks for volunteering in the Maghreb',
          abstract: 'A comparison of the laws that govern volunteering.',
        },
      },
    });
  });

  it('refuses pages that overlap another article’s', async () => {
    // A second article in production, placed after the first.
    const { submission, assignments } = await context.given.inReview('author1', {
      title: 'Second article',
      reviewers: ['reviewer1'],
    });
    await context.given.reviewed('reviewer1', assignments.reviewer1, 'accept');
    await context.given.decided(submission.id, {
      decision: 'accept',
      reason: 'One review is enough here.',
    });
    await context.given.decided(submission.id, { decision: 'send_to_production' });
    await context.services.contents.set(
      context.journal,
      viewer,
      issueId,
      { items: [{ submissionId: legal }, { submissionId: submission.id }] },
      actor(),
    );
    await setRecord(legal, { firstPage: 1, lastPage: 12 });
    await setRecord(submission.id, { articleNumber: 'e2' });
    // Pages are checked against the issue's other articles as they are set, so the overlap is
    // one the issue got meanwhile: the publisher checks them all again.
    await context.dataSource.query(
      `UPDATE publications SET first_page = 10, last_page = 20, article_number = NULL WHERE submission_id = $1`,
      [submission.id],
    );
    const error = await refusedAs('issue-not-ready', () => publish());
    expect((error.problem.extensions.overlaps as string[])[0]).toMatch(/\(1–12\) and .* \(10–20\)/);
    await setRecord(submission.id, { firstPage: 13, lastPage: 20 });
  });

  it('refuses to publish on an issue version the editor did not see, changing nothing', async () => {
    const { lock_version } = await issue();
    await refusedAs('stale-issue', () => publish({ lockVersion: lock_version - 1 }));
  });

  it('publishes: the issue current, its articles published with frozen DOIs, the exports asked for, the authors told', async () => {
    const before = await snapshot();
    const published = await publish();
    expect(published).toMatchObject({ status: 'published', isCurrent: true });
    const after = await snapshot();
    expect(after.issue.status).toBe('published');
    expect(after.issue.published_at).toBeInstanceOf(Date);
    expect(after.current).toBe(false);
    for (const article of after.articles as {
      stage: string;
      status: string;
      published_at: Date;
      frozen_at: Date;
    }[]) {
      expect(article).toMatchObject({ stage: 'published', status: 'published' });
      expect(article.published_at).toEqual(after.issue.published_at);
      expect(article.frozen_at).toEqual(after.issue.published_at);
    }
    expect(after.deposits).toBe(before.deposits + 1);
    // Each article's authors, and the issue's readers (the authors are its only ones here).
    expect(after.emails).toBeGreaterThan(before.emails);
    const events = await context.dataSource.query(
      `SELECT data FROM submission_events WHERE submission_id = $1 AND kind = 'published'`,
      [legal],
    );
    expect(events).toEqual([
      { data: expect.objectContaining({ from: 'production', to: 'published', issueId }) },
    ]);
    await refusedAs('issue-published', () => publish());
  });

  it('unpublishes with a reason while no DOI is registered: the articles back in production', async () => {
    const { lock_version } = await issue();
    await publisher.unpublish(
      context.journal,
      viewer,
      issueId,
      { lockVersion: lock_version, reason: 'Published by mistake.' },
      actor(),
    );
    const after = await snapshot();
    expect(after.issue).toMatchObject({ status: 'draft', published_at: null, is_current: false });
    // The issue published before is current again.
    expect(after.current).toBe(true);
    for (const article of after.articles as {
      stage: string;
      status: string;
      published_at: Date | null;
    }[])
      expect(article).toMatchObject({ stage: 'production', status: 'draft', published_at: null });
  });

  it('keeps an issue published once one of its DOIs is registered', async () => {
    await publish();
    await context.dataSource.query(
      `UPDATE doi_assignments SET registered_at = now()
        WHERE submission_id IN (SELECT submission_id FROM publications WHERE issue_id = $1)`,
      [issueId],
    );
    const { lock_version } = await issue();
    await refusedAs('doi-registered', () =>
      publisher.unpublish(
        context.journal,
        viewer,
        issueId,
        { lockVersion: lock_version, reason: 'Too late for this.' },
        actor(),
      ),
    );
  });

  it('refuses an empty issue', async () => {
    const empty = await context.services.issues.create(
      context.journal,
      { volume: 1, number: 9, year: new Date().getUTCFullYear() },
      actor(),
    );
    await expect(
      publisher.publish(
        context.journal,
        viewer,
        empty.id,
        { lockVersion: empty.lockVersion },
        actor(),
      ),
    ).rejects.toMatchObject(refusal('empty-issue'));
  });
});
