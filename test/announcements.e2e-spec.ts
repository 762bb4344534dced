import { Client, type Notification } from 'pg';
import { type Announcement, AnnouncementsService } from '../src/announcements';
import { seedDemo } from '../src/demo';
import { CATALOGUE_CHANNEL } from '../src/database/catalogue-changes.repository';
import { type Stack, startStack } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const BASE = '/api/journals/volunteering/announcements';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CALL = {
  titles: {
    ar: 'دعوة للمشاركة في الملتقى الخليجي المغربي',
    en: 'Call for papers: the Gulf–Moroccan forum',
  },
  summaries: { ar: 'آخر أجل لإرسال الملخصات: 15 مارس.', en: 'Abstracts are due by 15 March.' },
  bodies: {
    ar: 'يسرّ المجلة دعوة الباحثين إلى المشاركة.\n\nتُرسل الملخصات عبر المنصة.',
    en: 'The journal invites researchers to take part.\n\nSend abstracts through the platform.',
  },
};

describe('announcements: editors write them, the public reads those published', () => {
  let stack: Stack;
  let manager: string;
  let editor: string;
  let sectionEditor: string;
  let reviewer: string;
  let author: string;
  let journalId: string;

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    [manager, editor, sectionEditor, reviewer, author] = await Promise.all(
      ['manager', 'editor', 'section.field', 'reviewer1', 'author1'].map((who) =>
        signIn(stack, who),
      ),
    );
    journalId = (await stack.http().get('/api/journals/volunteering').expect(200)).body.id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const create = (body: Record<string, unknown>, auth = editor, base = BASE) =>
    stack.http().post(base).set('Authorization', auth).send(body);
  const patch = (id: string, body: Record<string, unknown>, auth = editor) =>
    stack.http().patch(`${BASE}/${id}`).set('Authorization', auth).send(body);
  const rowOf = (id: string) =>
    stack.dataSource.query('SELECT * FROM announcements WHERE id = $1', [id]);
  const countRows = async () =>
    Number((await stack.dataSource.query('SELECT count(*) FROM announcements'))[0].count);
  const auditOf = async (id: string) =>
    (
      await stack
        .http()
        .get(`/api/journals/volunteering/audit-events?objectType=announcement&objectId=${id}`)
        .set('Authorization', manager)
        .expect(200)
    ).body.items;

  describe('written by the journal’s editors', () => {
    it('creates a draft, publishes it with its lock version, deletes it, each in the audit log', async () => {
      const created = await create(CALL).expect(201);
      expect(created.body).toMatchObject({
        ...CALL,
        state: 'draft',
        publishedAt: null,
        expiresAt: null,
        lockVersion: 1,
      });
      const { id } = created.body;
      // A draft is not there for the public.
      await stack.http().get(`${BASE}/${id}`).expect(404);

      const publishedAt = new Date(Date.now() - HOUR).toISOString();
      const updated = await patch(id, {
        lockVersion: 1,
        titles: { ...CALL.titles, fr: 'Appel à contributions : le forum Golfe–Maroc' },
        publishedAt,
      }).expect(200);
      expect(updated.body).toMatchObject({ state: 'published', publishedAt, lockVersion: 2 });
      const read = await stack.http().get(`${BASE}/${id}`).expect(200);
      expect(read.body).toMatchObject({
        id,
        titles: { fr: 'Appel à contributions : le forum Golfe–Maroc' },
        bodies: CALL.bodies,
        publishedAt,
      });
      expect(read.body.lockVersion).toBeUndefined();

      await stack.http().delete(`${BASE}/${id}`).set('Authorization', editor).expect(204);
      await stack.http().get(`${BASE}/${id}`).expect(404);
      expect(await rowOf(id)).toEqual([]);

      const audit = await auditOf(id);
      expect(audit.map((event: { action: string }) => event.action)).toEqual([
        'announcement.deleted',
        'announcement.updated',
        'announcement.created',
      ]);
      expect(audit[1]).toMatchObject({
        objectType: 'announcement',
        actorKind: 'user',
        // Only what changed.
        before: { titles: CALL.titles, publishedAt: null },
        after: { titles: { fr: 'Appel à contributions : le forum Golfe–Maroc' }, publishedAt },
      });
      expect(Object.keys(audit[1].after).sort()).toEqual(['publishedAt', 'titles']);
      expect(audit[2].after).toMatchObject({ titles: CALL.titles, summaries: CALL.summaries });
    });

    it('lets the journal’s manager write them too', async () => {
      const created = await create(CALL, manager).expect(201);
      await stack
        .http()
        .delete(`${BASE}/${created.body.id}`)
        .set('Authorization', manager)
        .expect(204);
    });

    it('unpublishes with publishedAt null and keeps fields not sent', async () => {
      const { id } = (await create({ ...CALL, publishedAt: new Date().toISOString() }).expect(201))
        .body;
      const draft = await patch(id, { lockVersion: 1, publishedAt: null }).expect(200);
      expect(draft.body).toMatchObject({ state: 'draft', publishedAt: null, ...CALL });
      await stack.http().get(`${BASE}/${id}`).expect(404);
      await stack.http().delete(`${BASE}/${id}`).set('Authorization', editor).expect(204);
    });

    it('answers 409 to a stale lock version and changes nothing', async () => {
      const { id } = (await create(CALL).expect(201)).body;
      await patch(id, { lockVersion: 1, summaries: { ar: 'ملخص جديد' } }).expect(200);
      const stale = await patch(id, {
        lockVersion: 1,
        titles: { ar: 'عنوان آخر' },
        publishedAt: new Date().toISOString(),
      }).expect(409);
      expect(stale.body).toMatchObject({
        type: 'urn:tahkim:problem:stale-announcement',
        status: 409,
        lockVersion: 2,
      });
      expect(stale.get('Content-Type')).toMatch(/^application\/problem\+json/);
      const [row] = await rowOf(id);
      expect(row).toMatchObject({ titles: CALL.titles, published_at: null, lock_version: 2 });
      expect((await auditOf(id)).length).toBe(2);
    });

    it('refuses, naming the field, an over-long title, one missing in the primary language, an expiry before publication, a null title', async () => {
      const before = await countRows();
      const cases: [Record<string, unknown>, string][] = [
        [{ titles: { ar: 'x'.repeat(301) } }, 'titles'],
        [{ titles: { en: 'English only' } }, 'titles'],
        [{ titles: CALL.titles, summaries: { ar: 'x'.repeat(601) } }, 'summaries'],
        [{ titles: CALL.titles, bodies: { en: 'x'.repeat(20_001) } }, 'bodies'],
        [{ titles: CALL.titles, bodies: null }, 'bodies'],
        [{ titles: CALL.titles, publishedAt: 'tomorrow' }, 'publishedAt'],
        [
          {
            titles: CALL.titles,
            publishedAt: '2030-01-02T00:00:00.000Z',
            expiresAt: '2030-01-01T00:00:00.000Z',
          },
          'expiresAt',
        ],
        [{ titles: CALL.titles, pinned: true }, 'pinned'],
      ];
      for (const [body, field] of cases) {
        const response = await create(body).expect(400);
        expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
          field,
        ]);
      }
      // The primary language is the journal's: Arabic for the demo journal.
      const missing = await create({ titles: { en: 'English only' } }).expect(400);
      expect(missing.body.errors[0].messages[0]).toContain('(ar)');
      expect(await countRows()).toBe(before);

      const { id } = (await create(CALL).expect(201)).body;
      for (const body of [
        { lockVersion: 1, titles: null },
        { lockVersion: 1, titles: { ar: 'x'.repeat(301) } },
        { lockVersion: 1, titles: { fr: 'Sans arabe' } },
        { titles: { ar: 'بلا رقم النسخة' } },
      ])
        await patch(id, body).expect(400);
      const [row] = await rowOf(id);
      expect(row).toMatchObject({ titles: CALL.titles, lock_version: 1 });
      await stack.http().delete(`${BASE}/${id}`).set('Authorization', editor).expect(204);
    });

    it('answers 404 for an announcement the journal does not have, 400 for an id that is not one', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      await patch(unknown, { lockVersion: 1, titles: CALL.titles }).expect(404);
      await stack.http().delete(`${BASE}/${unknown}`).set('Authorization', editor).expect(404);
      await stack.http().get(`${BASE}/${unknown}`).expect(404);
      await stack.http().get(`${BASE}/not-an-id`).expect(400);
    });

    it('tells the public pages’ cache that the journal changed, once the change commits', async () => {
      const client = new Client({ connectionString: stack.env.config.DATABASE_URL });
      await client.connect();
      const heard: Notification[] = [];
      client.on('notification', (message) => heard.push(message));
      await client.query(`LISTEN ${CATALOGUE_CHANNEL}`);
      try {
        const wait = async (count: number) => {
          const deadline = Date.now() + 5_000;
          while (heard.length < count && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 20));
          return heard.map((message) => message.payload);
        };
        const { id } = (await create(CALL).expect(201)).body;
        expect(await wait(1)).toEqual([journalId]);
        // A refused change announces nothing.
        await patch(id, { lockVersion: 7, titles: CALL.titles }).expect(409);
        await patch(id, { lockVersion: 1, publishedAt: new Date().toISOString() }).expect(200);
        await stack.http().delete(`${BASE}/${id}`).set('Authorization', editor).expect(204);
        expect(await wait(3)).toEqual([journalId, journalId, journalId]);
      } finally {
        await client.end();
      }
    });
  });

  describe('only for the journal’s managers and editors', () => {
    let id: string;

    beforeAll(async () => {
      id = (await create(CALL).expect(201)).body.id;
    });

    afterAll(async () => {
      await stack.http().delete(`${BASE}/${id}`).set('Authorization', editor).expect(204);
    });

    const routes = () => [
      { name: 'the editors’ list', send: () => stack.http().get(`${BASE}/all`) },
      { name: 'create', send: () => stack.http().post(BASE).send(CALL) },
      {
        name: 'update',
        send: () =>
          stack.http().patch(`${BASE}/${id}`).send({ lockVersion: 1, titles: CALL.titles }),
      },
      { name: 'delete', send: () => stack.http().delete(`${BASE}/${id}`) },
    ];

    it('answers 401 to anonymous callers on every editors’ route', async () => {
      for (const route of routes()) {
        const response = await route.send();
        expect([route.name, response.status]).toEqual([route.name, 401]);
      }
    });

    it('answers 403 to section editors, reviewers and authors on every editors’ route', async () => {
      const before = await countRows();
      for (const auth of [sectionEditor, reviewer, author])
        for (const route of routes()) {
          const response = await route.send().set('Authorization', auth);
          expect([route.name, response.status]).toEqual([route.name, 403]);
        }
      expect(await countRows()).toBe(before);
      const [row] = await rowOf(id);
      expect(row.lock_version).toBe(1);
    });
  });

  describe('read by the public', () => {
    const OTHER = '/api/journals/announcing/announcements';
    let admin: string;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const ids: Record<string, string> = {};
    let otherJournalId: string;

    beforeAll(async () => {
      // A journal of its own: the other tests' announcements stay out of its lists.
      admin = await signIn(stack, 'admin');
      otherJournalId = (
        await stack
          .http()
          .post('/api/journals')
          .set('Authorization', admin)
          .send({
            slug: 'announcing',
            titles: { en: 'Announcing' },
            primaryLocale: 'en',
            publisherName: 'P',
          })
          .expect(201)
      ).body.id;
      const written: [string, Record<string, unknown>][] = [
        ['threeDaysAgo', { publishedAt: at(-3 * DAY) }],
        ['draft', {}],
        ['yesterday', { publishedAt: at(-DAY) }],
        ['expired', { publishedAt: at(-4 * DAY), expiresAt: at(-HOUR) }],
        ['tomorrow', { publishedAt: at(DAY) }],
        ['twoDaysAgo', { publishedAt: at(-2 * DAY), expiresAt: at(DAY) }],
      ];
      for (const [name, times] of written)
        ids[name] = (
          await create({ titles: { en: name }, ...times }, admin, OTHER).expect(201)
        ).body.id;
    });

    const titlesOf = (body: { items: { titles: { en: string } }[] }) =>
      body.items.map((item) => item.titles.en);

    it('lists those published, newest first, page by page, without drafts and those to come', async () => {
      const first = await stack.http().get(`${OTHER}?limit=2`).expect(200);
      expect(titlesOf(first.body)).toEqual(['yesterday', 'twoDaysAgo']);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await stack
        .http()
        .get(`${OTHER}?limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      // An expired one stays in the list.
      expect(titlesOf(second.body)).toEqual(['threeDaysAgo', 'expired']);
      expect(second.body.nextCursor).toBeNull();
      expect(second.body.items[0].lockVersion).toBeUndefined();
      // Anyone: no sign-in needed, and one would change nothing.
      const signedIn = await stack.http().get(OTHER).set('Authorization', author).expect(200);
      expect(titlesOf(signedIn.body)).toEqual([
        'yesterday',
        'twoDaysAgo',
        'threeDaysAgo',
        'expired',
      ]);
    });

    it('shows a published one, and none that is a draft, to come, or another journal’s', async () => {
      await stack.http().get(`${OTHER}/${ids.yesterday}`).expect(200);
      await stack.http().get(`${OTHER}/${ids.expired}`).expect(200);
      const draft = await stack.http().get(`${OTHER}/${ids.draft}`).expect(404);
      expect(draft.body.type).toBe('urn:tahkim:problem:not-found');
      await stack.http().get(`${OTHER}/${ids.tomorrow}`).expect(404);
      await stack.http().get(`${BASE}/${ids.yesterday}`).expect(404);
      await stack.http().get('/api/journals/nowhere/announcements').expect(404);
    });

    it('lists every one for the editors, drafts and those to come with their state', async () => {
      const all = await stack.http().get(`${OTHER}/all`).set('Authorization', admin).expect(200);
      const states = Object.fromEntries(
        all.body.items.map((item: { titles: { en: string }; state: string }) => [
          item.titles.en,
          item.state,
        ]),
      );
      expect(states).toEqual({
        twoDaysAgo: 'published',
        tomorrow: 'scheduled',
        expired: 'published',
        yesterday: 'published',
        draft: 'draft',
        threeDaysAgo: 'published',
      });
      // Newest written first.
      expect(titlesOf(all.body)[0]).toBe('twoDaysAgo');
      // The demo journal's editor is nobody in this journal.
      await stack.http().get(`${OTHER}/all`).set('Authorization', editor).expect(403);
    });

    it('gives the home page those published and not expired, newest first, as many as asked', async () => {
      const service = stack.api.get(AnnouncementsService);
      const titles = (list: Announcement[]) => list.map((item) => item.titles.en);
      expect(titles(await service.latestForHome(otherJournalId, new Date(), 10))).toEqual([
        'yesterday',
        'twoDaysAgo',
        'threeDaysAgo',
      ]);
      expect(titles(await service.latestForHome(otherJournalId, new Date(), 1))).toEqual([
        'yesterday',
      ]);
      expect(await service.latestForHome(otherJournalId, new Date(), 0)).toEqual([]);
      // Two days on: tomorrow's is out, twoDaysAgo's has expired.
      expect(
        titles(await service.latestForHome(otherJournalId, new Date(Date.now() + 2 * DAY), 10)),
      ).toEqual(['tomorrow', 'yesterday', 'threeDaysAgo']);
    });
  });
});
