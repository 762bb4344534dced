import {
  startServiceContext,
  type ServiceContext,
  uploadSource,
} from '../../test/support/service-context';
import { problemType } from '../common/problems/problem-registry';
import { numberPrefix, SubmissionNumberer } from './submission-numberer';

/**
 * Submitting, against the database: what a draft must have (each part refused without it, with
 * nothing changed), the number per journal and year (in order, never twice, however many submit
 * at once), and the editors it goes to.
 */
describe('Submitting', () => {
  let context: ServiceContext;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    context = await startServiceContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  const submit = async (id: string, key = 'author1') => {
    const author = await context.person(key);
    return context.services.submitting.submit(id, author, context.actor(author));
  };
  const numberOf = async (id: string): Promise<string | null> =>
    (await context.dataSource.query('SELECT number FROM submissions WHERE id = $1', [id]))[0]
      .number;
  const editorsOf = async (id: string): Promise<string[]> =>
    (
      await context.dataSource.query(
        `SELECT u.email FROM submission_editors e JOIN users u ON u.id = e.user_id
          WHERE e.submission_id = $1 ORDER BY u.email`,
        [id],
      )
    ).map((row: { email: string }) => row.email);
  /** The fields a refusal names. */
  const missingFields = async (attempt: Promise<unknown>): Promise<string[]> => {
    const error = (await attempt.then(
      () => null,
      (refused: unknown) => refused,
    )) as { problem: { type: string; extensions: { errors: { field: string }[] } } } | null;
    expect(error?.problem.type).toBe(problemType('submission-incomplete'));
    return error!.problem.extensions.errors.map((entry) => entry.field).sort();
  };

  describe('completeness', () => {
    it.each([
      ['metadata', ['metadata.ar', 'metadata.en']],
      ['checklist', ['checklistConfirmed']],
      ['manuscript', ['files']],
      ['agreement', ['copyrightAgreement']],
    ] as const)(
      'refuses a draft without its %s, naming it, and changes nothing',
      async (part, fields) => {
        const draft = await context.given.draft('author1', { without: [part] });
        const before = await context.given.state(draft.id);
        expect(await missingFields(submit(draft.id))).toEqual(fields);
        expect(await context.given.state(draft.id)).toEqual(before);
        expect(before.stage).toBe('draft');
        expect(await numberOf(draft.id)).toBeNull();
        expect(await editorsOf(draft.id)).toEqual([]);
      },
    );

    it('names everything a bare draft lacks at once', async () => {
      const draft = await context.given.draft('author1', {
        without: ['metadata', 'checklist', 'manuscript', 'agreement'],
      });
      expect(await missingFields(submit(draft.id))).toEqual([
        'checklistConfirmed',
        'copyrightAgreement',
        'files',
        'metadata.ar',
        'metadata.en',
      ]);
    });

    it('asks for the title and abstract in every language the journal requires', async () => {
      const author = await context.person('author1');
      const draft = await context.given.draft('author1', { locale: 'en' });
      await context.services.drafts.update(draft.id, author, { metadata: { ar: null } });
      expect(await missingFields(submit(draft.id))).toEqual(['metadata.ar']);
    });

    it('asks for an abstract and keywords in the manuscript’s own language', async () => {
      const author = await context.person('author1');
      const draft = await context.given.draft('author1', { locale: 'en' });
      await context.services.drafts.update(draft.id, author, {
        metadata: { en: { title: 'No abstract', abstract: null, keywords: [] } },
      });
      expect(await missingFields(submit(draft.id))).toEqual([
        'metadata.en.abstract',
        'metadata.en.keywords',
      ]);
    });

    it('asks for exactly one corresponding author', async () => {
      const author = await context.person('author1');
      const draft = await context.given.draft('author1');
      await context.services.drafts.setContributors(draft.id, author, {
        contributors: [{ names: author.names, email: author.email, corresponding: false }],
      });
      expect(await missingFields(submit(draft.id))).toEqual(['contributors']);
    });

    it('submits a complete draft once: numbered, dated, recorded, acknowledged', async () => {
      const draft = await context.given.draft('author1', { title: 'Complete' });
      const before = await context.given.state(draft.id);
      const submitted = await submit(draft.id);
      expect(submitted).toMatchObject({ stage: 'submitted', lockVersion: before.lockVersion + 1 });
      expect(submitted.number).toMatch(new RegExp(`^${numberPrefix('volunteering', year)}\\d{4}$`));
      expect(submitted.submittedAt).toBeInstanceOf(Date);
      const [event] = await context.dataSource.query(
        `SELECT data FROM submission_events WHERE submission_id = $1 AND kind = 'submitted'`,
        [draft.id],
      );
      expect(event.data).toMatchObject({ number: submitted.number });
      const emails: { template: string }[] = await context.dataSource.query(
        'SELECT template FROM outbox_messages WHERE submission_id = $1 ORDER BY template',
        [draft.id],
      );
      expect(emails.map((email) => email.template)).toEqual([
        'submission-acknowledgement',
        'submission-new-for-editor',
      ]);
      await expect(submit(draft.id)).rejects.toMatchObject({ status: 409 });
    });
  });

  describe('numbering', () => {
    it('numbers a journal’s submissions in the order they come in', async () => {
      const first = await context.given.submitted('author1');
      const second = await context.given.submitted('author2');
      const sequence = (number: string | null) => Number(number!.slice(-4));
      expect(sequence(second.number)).toBe(sequence(first.number) + 1);
      expect(first.number!.startsWith(`VOL-${year}-`)).toBe(true);
    });

    it('gives each journal numbers of its own', async () => {
      const { services: s } = context;
      const admin = await context.person('admin');
      const author = await context.person('author3');
      const other = await s.journals.create(
        {
          slug: 'civil-society',
          titles: { en: 'Civil Society' },
          primaryLocale: 'en',
          publisherName: 'Civil Society Press',
          requiredAbstractLocales: ['en'],
        },
        context.actor(admin),
      );
      const section = await s.sections.create(
        other,
        { titles: { en: 'Articles' } },
        context.actor(admin),
      );
      const draft = await s.drafts.create(
        other,
        author,
        { sectionId: section.id, locale: 'en' },
        context.actor(author),
      );
      await s.drafts.update(draft.id, author, {
        metadata: { en: { title: 'Elsewhere', abstract: 'An abstract.', keywords: ['civil'] } },
      });
      const terms = await s.drafts.terms(draft.id, author, 'en');
      await s.drafts.agree(
        draft.id,
        author,
        { termsVersion: terms.termsVersion, locale: 'en', agree: true },
        context.actor(author),
      );
      await s.files.upload(
        draft.id,
        author,
        'manuscript',
        uploadSource('m.md', 'text/markdown', Buffer.from('# Elsewhere\n\nText.\n')),
        context.actor(author),
      );
      expect((await submit(draft.id, 'author3')).number).toBe(`CIV-${year}-0001`);
    });

    it('starts again at 0001 each year', async () => {
      const numberer = context.get(SubmissionNumberer);
      const next = (at: Date) =>
        context.services.transactions.withTransaction(() => numberer.next(context.journal, at));
      expect(await next(new Date(Date.UTC(year + 1, 0, 1)))).toBe(`VOL-${year + 1}-0001`);
      const [{ count }] = await context.dataSource.query(
        `SELECT count(*)::int AS count FROM submissions WHERE number LIKE $1`,
        [`VOL-${year}-%`],
      );
      expect(await next(new Date())).toBe(`VOL-${year}-${String(count + 1).padStart(4, '0')}`);
    });

    it('never gives one number twice, however many submit at once', async () => {
      const authors = ['author1', 'author2', 'author3'];
      const drafts = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          context.given.draft(authors[index % 3], { title: `Concurrent ${index}` }),
        ),
      );
      const [{ count }] = await context.dataSource.query(
        `SELECT count(*)::int AS count FROM submissions WHERE number LIKE $1`,
        [`VOL-${year}-%`],
      );
      const submitted = await Promise.all(
        drafts.map((draft, index) => submit(draft.id, authors[index % 3])),
      );
      const numbers = submitted.map((submission) => submission.number!).sort();
      expect(numbers).toEqual(
        Array.from(
          { length: 8 },
          (_, index) => `VOL-${year}-${String(count + index + 1).padStart(4, '0')}`,
        ),
      );
    });
  });

  describe('editors', () => {
    it('gives a submission to its section’s editors', async () => {
      const submitted = await context.given.submitted('author1', { section: 'Field Reports' });
      expect(await editorsOf(submitted.id)).toEqual(['section.field@volunteering.example.org']);
    });

    it('gives it to the journal’s editors when its section has none', async () => {
      const manager = await context.person('manager');
      await context.services.sections.create(
        context.journal,
        { titles: { en: 'Essays', ar: 'مقالات' } },
        context.actor(manager),
      );
      const submitted = await context.given.submitted('author2', { section: 'Essays' });
      expect(await editorsOf(submitted.id)).toEqual(['editor@volunteering.example.org']);
    });

    it('never gives it to one of its contributors', async () => {
      const submitted = await context.given.submitted('author1', {
        section: 'Field Reports',
        coAuthors: ['section.field'],
      });
      expect(await editorsOf(submitted.id)).toEqual(['editor@volunteering.example.org']);
    });

    it('never gives it to its submitter, even when they edit the section', async () => {
      const submitted = await context.given.submitted('section.policy', {
        section: 'Policy and Governance',
      });
      expect(await editorsOf(submitted.id)).toEqual(['editor@volunteering.example.org']);
    });
  });
});
