import { startServiceContext, type ServiceContext } from '../../../test/support/service-context';
import type { LocalizedText } from '../../common/i18n/locale';
import { problemType } from '../../common/problems/problem-registry';
import type { Viewer } from '../../editorial/request-context';
import { ArticleSearch1795600000000 } from '../../../migrations/1795600000000-ArticleSearch';
import { ArticleSearchSpeed1795630000000 } from '../../../migrations/1795630000000-ArticleSearchSpeed';
import { IssuePublisher } from '../issue-publisher.service';
import {
  ArticleSearch,
  type ArticleSearchQuery,
  type ArticleSearchResult,
} from './article-search.service';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index.service';
import { searchTerms } from './search-text';

const DIGITAL = 'Digital volunteering in the Gulf states: platforms and volunteers';
const STUDENTS = 'Student volunteers in Rabat during the 2025 floods';
const LEGAL = 'Legal frameworks for volunteering in the Maghreb';

/**
 * The public search against the database, on the demo journal: volume 1, number 1 published
 * (the Arabic article on digital volunteering and the French field report on Rabat's students),
 * number 2 in preparation with the legal article in production. Everything published went
 * through the real publisher, which keeps the search documents in step.
 */
describe('ArticleSearch', () => {
  let context: ServiceContext;
  let search: ArticleSearch;
  let viewer: Viewer;
  let year: number;
  let sections: Record<string, string>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    context = await startServiceContext({});
    search = context.get(ArticleSearch);
    viewer = context.viewer(await context.person('editor'));
    const rows: { id: string; title: string }[] = await context.dataSource.query(
      `SELECT submission_id AS id, title FROM submission_metadata WHERE locale = 'en'`,
    );
    ids = Object.fromEntries(rows.map((row) => [row.title, row.id]));
    const sectionRows: { id: string; titles: LocalizedText }[] = await context.dataSource.query(
      'SELECT id, titles FROM sections WHERE journal_id = $1',
      [context.journal.id],
    );
    sections = Object.fromEntries(sectionRows.map((row) => [row.titles.en!, row.id]));
    [{ year }] = await context.dataSource.query(
      `SELECT year FROM issues WHERE status = 'published'`,
    );
  });

  afterAll(async () => {
    await context?.close();
  });

  const actor = () => context.actor(viewer.user!);
  const find = (text: string, query: Partial<ArticleSearchQuery> = {}) =>
    search.search(context.journal.id, { text, page: 1, pageSize: 20, ...query });
  const found = (result: ArticleSearchResult) => result.items.map((item) => item.titles.en);

  it('finds the demo’s Arabic article by a query with another hamza form and no diacritics', async () => {
    // Printed «التطوع الرقمي»; typed with a hamza on the alef and an alef maqsura for the ya.
    const result = await find('ألتطوع الرقمى');
    expect(found(result)).toEqual([DIGITAL]);
    const [hit] = result.items;
    expect(hit.titles.ar).toBe('التطوع الرقمي في دول الخليج: المنصات والمتطوعون');
    expect(hit.titlesHtml.ar).toBe(
      '<mark>التطوع</mark> <mark>الرقمي</mark> في دول الخليج: المنصات والمتطوعون',
    );
    expect(hit.matchedIn).toEqual(['title', 'abstract', 'keywords']);
    expect(hit.snippets).toContainEqual({
      field: 'abstract',
      locale: 'ar',
      html: expect.stringContaining('<mark>التطوع</mark> <mark>الرقمي</mark>'),
    });
    expect(hit.issue.identification.en).toMatch(new RegExp(`^Vol\\. 1, No\\. 1 \\(${year}\\)`));
    expect(hit.section.titles.en).toBe('Research Articles');
    expect(hit.year).toBe(year);
    expect(hit.retracted).toBe(false);
  });

  it('finds an article by an author’s name, in either of its scripts', async () => {
    expect(found(await find('Al-Sayed'))).toEqual([DIGITAL]);
    expect(found(await find('مريم السيد'))).toEqual([DIGITAL]);
    const byName = await find('ouazzani');
    // Rachid Ouazzani also wrote the legal article, which is not published.
    expect(found(byName)).toEqual([STUDENTS]);
    expect(byName.items[0].matchedIn).toEqual(['authors']);
    expect(byName.items[0].authors[0].html.Latn).toBe('Rachid <mark>Ouazzani</mark>');
  });

  it('finds a French article by accented words typed without accents', async () => {
    const result = await find('etudiants benevoles');
    expect(found(result)).toEqual([STUDENTS]);
    expect(result.items[0].titlesHtml.fr).toBe(
      'Les <mark>étudiants</mark> <mark>bénévoles</mark> de Rabat pendant les inondations de 2025',
    );
  });

  it('never finds what is not published, even asked to index it', async () => {
    expect((await find('Maghreb')).total).toBe(0);
    expect((await find('Casablanca')).total).toBe(0);
    // The legal article's record is a draft in an issue in preparation: no document comes of it.
    await context.get(SearchIndex).refresh([ids[LEGAL]]);
    expect((await find('Maghreb')).total).toBe(0);
  });

  it('filters by section, year and language, each facet counted with the other filters', async () => {
    const all = await find('volunteer');
    expect(all.total).toBe(2);
    expect(all.facets).toEqual({
      sections: [
        { id: sections['Research Articles'], titles: expect.any(Object), count: 1 },
        { id: sections['Field Reports'], titles: expect.any(Object), count: 1 },
      ],
      years: [{ year, count: 2 }],
      languages: [
        { language: 'ar', count: 2 },
        { language: 'en', count: 2 },
        { language: 'fr', count: 1 },
      ],
    });

    const reports = await find('volunteer', { section: sections['Field Reports'] });
    expect(found(reports)).toEqual([STUDENTS]);
    expect(reports.facets.sections.map((facet) => facet.count)).toEqual([1, 1]);
    expect(reports.facets.languages).toContainEqual({ language: 'fr', count: 1 });

    expect((await find('volunteer', { year })).total).toBe(2);
    const otherYear = await find('volunteer', { year: year - 1 });
    expect(otherYear.items).toEqual([]);
    expect(otherYear.facets.years).toEqual([{ year, count: 2 }]);

    const french = await find('volunteer', { language: 'fr' });
    expect(found(french)).toEqual([STUDENTS]);
    expect(french.facets.languages).toEqual(all.facets.languages);
    expect(
      found(await find('volunteer', { language: 'fr', section: sections['Research Articles'] })),
    ).toEqual([]);
  });

  it('pages through the results', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => find('volunteer', { page, pageSize: 1 })),
    );
    expect(pages.map((page) => page.items.length)).toEqual([1, 1, 0]);
    expect(pages[0]).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 });
    expect(new Set(pages.flatMap(found))).toEqual(new Set([DIGITAL, STUDENTS]));
  });

  it.each([
    ['empty text', { text: '' }, 'search-text'],
    ['blank text', { text: '   ' }, 'search-text'],
    ['punctuation alone', { text: '«…»؟!' }, 'search-text'],
    ['a single letter', { text: 'a' }, 'search-text'],
    ['text of 201 characters', { text: 'x'.repeat(201) }, 'search-text'],
    ['text of 10,000 characters', { text: 'تطوع '.repeat(2000) }, 'search-text'],
    ['page 0', { page: 0 }, 'search-page'],
    ['page -1', { page: -1 }, 'search-page'],
    ['page 1.5', { page: 1.5 }, 'search-page'],
    ['page beyond 100', { page: 101 }, 'search-page'],
    ['page not a number', { page: Number.NaN }, 'search-page'],
    ['page size 0', { pageSize: 0 }, 'search-page'],
    ['page size 51', { pageSize: 51 }, 'search-page'],
    ['an unknown section', { section: '00000000-0000-4000-8000-000000000000' }, 'search-filter'],
    ['a section that is not an id', { section: 'research' }, 'search-filter'],
    ['a year of five digits', { year: 20250 }, 'search-filter'],
    ['a year not a number', { year: Number.NaN }, 'search-filter'],
    ['an unknown language', { language: 'de' }, 'search-filter'],
  ] as [string, Partial<ArticleSearchQuery>, string][])(
    'refuses %s with a 400 problem',
    async (_case, query, code) => {
      await expect(
        search.search(context.journal.id, { text: 'volunteer', page: 1, pageSize: 20, ...query }),
      ).rejects.toMatchObject({ problem: { type: problemType(code), status: 400 } });
    },
  );

  it('takes a fragment found in too many words at the start of words only', async () => {
    // «lunt» is in "volunteering" and "volunteers"; made part of 401 other words, it is too
    // common a fragment to look up inside words, and no word starts with it.
    expect((await find('lunt')).total).toBe(2);
    await context.dataSource.query(
      `INSERT INTO article_search_words (word) SELECT 'zz' || g || 'lunt' FROM generate_series(1, 401) g`,
    );
    try {
      expect((await find('lunt')).total).toBe(0);
      // Not even among the titles that have it: no word there starts with it.
      expect((await find('lunt', { pageSize: 1 })).items).toEqual([]);
      expect((await find('volunt')).total).toBe(2);
    } finally {
      await context.dataSource.query(`DELETE FROM article_search_words WHERE word LIKE 'zz%lunt'`);
    }
  });

  it('takes the text as it is counted, up to 200 characters', async () => {
    expect((await find(`volunteer ${'x'.repeat(190)}`)).total).toBe(0);
  });

  describe('kept in step with publication', () => {
    /** Number 2 (the legal article and one on managing volunteers), then number 3 (oases). */
    let issueId: string;
    let laterIssueId: string;
    let managing: string;
    let oases: string;

    const issueLock = async (id: string) =>
      (await context.dataSource.query('SELECT lock_version FROM issues WHERE id = $1', [id]))[0]
        .lock_version as number;
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
    const inProduction = async (title: string) => {
      const { submission, assignments } = await context.given.inReview('author1', {
        title,
        reviewers: ['reviewer1'],
      });
      await context.given.reviewed('reviewer1', assignments.reviewer1, 'accept');
      await context.given.decided(submission.id, { decision: 'accept', reason: 'Sound.' });
      await context.given.decided(submission.id, { decision: 'send_to_production' });
      return submission.id;
    };
    const publish = async (id = issueId) =>
      context
        .get(IssuePublisher)
        .publish(
          context.journal,
          viewer,
          id,
          { lockVersion: await issueLock(id), notifyReaders: false },
          actor(),
        );

    beforeAll(async () => {
      [{ id: issueId }] = await context.dataSource.query(
        `SELECT id FROM issues WHERE status = 'draft' AND number = 2`,
      );
      managing = await inProduction('Managing volunteers');
      oases = await inProduction('Oases');
      await context.services.contents.set(
        context.journal,
        viewer,
        issueId,
        { items: [{ submissionId: ids[LEGAL] }, { submissionId: managing }] },
        actor(),
      );
      const later = await context.services.issues.create(
        context.journal,
        { volume: 1, number: 3, year },
        actor(),
      );
      laterIssueId = later.id;
      await context.services.contents.set(
        context.journal,
        viewer,
        laterIssueId,
        { items: [{ submissionId: oases }] },
        actor(),
      );
      // Tafilalet in the title of one, the abstract of another, the keywords of the third.
      await setRecord(managing, {
        articleNumber: 'e10',
        metadata: {
          ar: {
            title: 'إِدارَةُ المُتَطَوِّعِينَ في الأُسَرِ',
            abstract: 'دراسةٌ ميدانيّة.',
            keywords: [],
          },
          en: {
            title: 'Managing volunteers in the families of Tafilalet',
            abstract: 'A field study.',
            keywords: ['families'],
          },
          fr: { title: 'Gérer les bénévoles', abstract: 'Une étude.', keywords: [] },
        },
      });
      await setRecord(oases, {
        articleNumber: 'e11',
        metadata: {
          en: {
            title: 'Oases <script>alert(1)</script> and their volunteers',
            abstract: 'Volunteers of the oases of Tafilalet, from 2020 to 2025.',
            keywords: ['oases', 'wadi'],
          },
        },
      });
      await setRecord(ids[LEGAL], {
        articleNumber: 'e12',
        metadata: {
          en: {
            title: LEGAL,
            abstract: 'A comparison of the laws that govern volunteering, in each wadi too.',
            keywords: ['law', 'Tafilalet', 'wadi'],
          },
        },
      });
    });

    it('finds an article once its issue is published, not before', async () => {
      expect((await find('tafilalet')).total).toBe(0);
      expect((await find('اداره المتطوعين')).total).toBe(0);
      await publish();
      await publish(laterIssueId);
      // In the title, then the abstract, then the keywords.
      expect(found(await find('tafilalet'))).toEqual([
        'Managing volunteers in the families of Tafilalet',
        'Oases <script>alert(1)</script> and their volunteers',
        LEGAL,
      ]);
      // Printed with hamzas and diacritics, typed without.
      const managed = await find('اداره المتطوعين في الاسر');
      expect(found(managed)).toEqual(['Managing volunteers in the families of Tafilalet']);
      expect(managed.items[0].titlesHtml.ar).toBe(
        '<mark>إِدارَةُ</mark> <mark>المُتَطَوِّعِينَ</mark> <mark>في</mark> <mark>الأُسَرِ</mark>',
      );
      // Found alike (in a title), the newest issue first, then in the issue's order.
      expect(found(await find('volunteers'))).toEqual([
        'Oases <script>alert(1)</script> and their volunteers',
        'Managing volunteers in the families of Tafilalet',
        DIGITAL,
        STUDENTS,
      ]);
      // In the keywords and the abstract before in the keywords alone, though published earlier.
      expect(found(await find('wadi'))).toEqual([
        LEGAL,
        'Oases <script>alert(1)</script> and their volunteers',
      ]);
    });

    it('ranks alike whichever way the page is found', async () => {
      // A page is taken from the matches with every word in the title when they fill it: from
      // the newest articles, or (told to look at none of them) through the titles' words; else
      // every match is scored. A page past all matches is always the full ranking.
      const documents = context.get(SearchDocumentsRepository);
      const journalId = context.journal.id;
      for (const text of ['volunteers', 'volunteer', 'tafilalet', 'oases volunteers', 'في']) {
        const terms = searchTerms(text);
        const full = await documents.search(journalId, terms, {}, 50, 0);
        const ranked = full.articles.map((article) => article.submissionId);
        expect(ranked.length).toBeGreaterThan(0);
        for (const newest of [undefined, 0])
          for (let page = 1; page <= ranked.length; page++) {
            const one = await documents.search(journalId, terms, {}, 1, page - 1, newest);
            expect({ text, newest, page, ids: one.articles.map((a) => a.submissionId) }).toEqual({
              text,
              newest,
              page,
              ids: [ranked[page - 1]],
            });
            expect(one.total).toBe(full.total);
            // In no particular order of sections (the service puts them in the journal's).
            expect(one.facets).toEqual({
              ...full.facets,
              sections: expect.arrayContaining(full.facets.sections),
            });
            expect(one.facets.sections).toHaveLength(full.facets.sections.length);
          }
      }
      // With a filter too: the English articles about volunteers, one at a time.
      const english = await documents.search(journalId, ['volunteers'], { language: 'en' }, 50, 0);
      const fromTitles = await documents.search(
        journalId,
        ['volunteers'],
        { language: 'en' },
        1,
        1,
        0,
      );
      expect(fromTitles.articles).toEqual([english.articles[1]]);
    });

    it('shows what an author wrote as text, never as markup', async () => {
      const [hit] = (await find('oases alert')).items;
      expect(hit.titlesHtml.en).toBe(
        '<mark>Oases</mark> &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; and their volunteers',
      );
    });

    it('loses the articles of an issue taken back', async () => {
      await context
        .get(IssuePublisher)
        .unpublish(
          context.journal,
          viewer,
          issueId,
          { lockVersion: await issueLock(issueId), reason: 'Published too early.' },
          actor(),
        );
      // Number 3 stays published.
      expect(found(await find('tafilalet'))).toEqual([
        'Oases <script>alert(1)</script> and their volunteers',
      ]);
      await publish();
      expect((await find('tafilalet')).total).toBe(3);
    });

    it('finds a correction’s words once it is published, and no longer the old ones', async () => {
      await context.services.publications.newVersion(
        context.journal,
        viewer,
        managing,
        { versionNote: 'The title named the wrong region.' },
        actor(),
      );
      await setRecord(managing, {
        metadata: {
          en: {
            title: 'Managing volunteers in the families of Figuig',
            abstract: 'A field study.',
            keywords: ['families'],
          },
        },
      });
      expect((await find('figuig')).total).toBe(0);
      await context.services.publications.publishVersion(
        context.journal,
        viewer,
        managing,
        actor(),
      );
      const corrected = await find('figuig');
      expect(found(corrected)).toEqual(['Managing volunteers in the families of Figuig']);
      expect(corrected.items[0].version).toBe(2);
      expect(found(await find('tafilalet'))).not.toContain(
        'Managing volunteers in the families of Tafilalet',
      );
    });

    it('marks a retracted article, still found', async () => {
      await context.services.publications.addNotice(
        context.journal,
        viewer,
        viewer.user!,
        oases,
        { kind: 'retraction', texts: { en: 'Retracted: the data were not the authors’.' } },
        actor(),
      );
      const [hit] = (await find('oases')).items;
      expect(hit).toMatchObject({ submissionId: oases, retracted: true });
    });
  });

  it('is backfilled by its migrations as publishing writes it', async () => {
    const documents = () =>
      context.dataSource.query(
        'SELECT * FROM article_search_documents ORDER BY submission_id',
      ) as Promise<unknown[]>;
    const words = () =>
      context.dataSource.query('SELECT word FROM article_search_words ORDER BY word') as Promise<
        unknown[]
      >;
    const written = await documents();
    const vocabulary = await words();
    const searched = await find('volunteers');
    expect(written.length).toBe(5);
    const runner = context.dataSource.createQueryRunner();
    try {
      // The later migration goes first and comes back last, as reverting in order does.
      const [search, speed] = [
        new ArticleSearch1795600000000(),
        new ArticleSearchSpeed1795630000000(),
      ];
      const languages = () =>
        runner.query(
          'SELECT submission_id, languages FROM article_search_documents ORDER BY submission_id',
        ) as Promise<unknown[]>;
      await speed.down(runner);
      // The languages read back from the mask, as the earlier migration writes them.
      const fromMask = await languages();
      await search.down(runner);
      await search.up(runner);
      expect(await languages()).toEqual(fromMask);
      // As documents written before the later one were: it rewrites what the abstracts share.
      await runner.query(`UPDATE article_search_documents SET abstract_overlap = 'written before'`);
      await speed.up(runner);
    } finally {
      await runner.release();
    }
    expect(await documents()).toEqual(written);
    expect(await words()).toEqual(vocabulary);
    // Searched as before, through the indexes made again.
    expect(await find('volunteers')).toEqual(searched);
  });
});
