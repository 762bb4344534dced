import { JournalRole } from '../src/access/journal-role.entity';
import { User } from '../src/accounts/user.entity';
import { seedDemo } from '../src/demo';
import { Journal } from '../src/journals/journal.entity';
import { type Stack, startStack, tokenIn } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const TITLES = {
  ar: 'مجلة دراسات المجتمع المدني',
  en: 'Civil Society Studies',
  fr: 'Études de la société civile',
};

describe('journals: creation, settings, sections, board, enrolment, audit', () => {
  let stack: Stack;
  let admin: string;
  let manager: string;
  let editor: string;

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    admin = await signIn(stack, 'admin@volunteering.example.org');
    manager = await signIn(stack, 'manager@volunteering.example.org');
    editor = await signIn(stack, 'editor@volunteering.example.org');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const createJournal = (body: Record<string, unknown>, auth = admin) =>
    stack.http().post('/api/journals').set('Authorization', auth).send(body);

  describe('creation by a site administrator', () => {
    it('creates a journal with ISSNs, languages, DOI prefix, licence and review policy', async () => {
      const response = await createJournal({
        slug: 'civil-society',
        titles: TITLES,
        primaryLocale: 'ar',
        additionalLocales: ['en', 'fr'],
        onlineIssn: '0378-5955',
        printIssn: '2434-561x',
        publisherName: 'Arab Union for Volunteer Work',
        publisherPlace: 'Doha',
        doiPrefix: '10.32013',
        doiSuffixPattern: 'css.{year}.{article}',
        licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
        copyrightHolderRule: 'publisher',
        reviewPolicy: 'double_anonymous',
        reviewDueDays: 21,
        minReviewsPerRound: 2,
        submissionChecklist: [{ text: { ar: 'البحث أصيل.', en: 'The work is original.' } }],
      }).expect(201);
      expect(response.body).toMatchObject({
        slug: 'civil-society',
        onlineIssn: '0378-5955',
        printIssn: '2434-561X',
        reviewPolicy: 'double_anonymous',
        licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
      });
      expect(response.body.submissionChecklist[0].id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('applies the defaults a new journal needs', async () => {
      const response = await createJournal({
        slug: 'defaults',
        titles: { en: 'Defaults' },
        primaryLocale: 'en',
        publisherName: 'P',
      }).expect(201);
      expect(response.body).toMatchObject({
        licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
        reviewPolicy: 'double_anonymous',
        copyrightHolderRule: 'authors',
        reviewDueDays: 28,
      });
    });

    it('names every invalid field: ISSN check digit, DOI prefix, locale, licence, over-long title, unknown field', async () => {
      const response = await createJournal({
        slug: 'Bad Slug',
        titles: { en: 'x'.repeat(301), de: 'Zeitschrift' },
        primaryLocale: 'es',
        onlineIssn: '0378-5956',
        publisherName: 'P',
        doiPrefix: '11.1234',
        licenceUrl: 'https://example.org/licence',
        colour: 'blue',
      }).expect(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
      expect(fields).toEqual([
        'colour',
        'doiPrefix',
        'licenceUrl',
        'onlineIssn',
        'primaryLocale',
        'slug',
        'titles',
      ]);
      expect(JSON.stringify(response.body.errors)).toMatch(/check digit/);
      expect(await stack.dataSource.getRepository(Journal).countBy({ slug: 'Bad Slug' })).toBe(0);
    });

    it('refuses a taken slug and an ISSN used by any journal, online or print', async () => {
      const slug = await createJournal({
        slug: 'volunteering',
        titles: { en: 'Again' },
        primaryLocale: 'en',
        publisherName: 'P',
      }).expect(409);
      expect(slug.body.detail).toMatch(/slug "volunteering" is taken/);
      // 2958-1427 is the demo journal's online ISSN: it may not become another journal's print ISSN.
      const issn = await createJournal({
        slug: 'copycat',
        titles: { en: 'Copy' },
        primaryLocale: 'en',
        publisherName: 'P',
        printIssn: '2958-1427',
      }).expect(409);
      expect(issn.body.detail).toMatch(/2958-1427 belongs to another journal/);
      expect(await stack.dataSource.getRepository(Journal).countBy({ slug: 'copycat' })).toBe(0);
    });

    it('refuses the same ISSN as online and print', async () => {
      const response = await createJournal({
        slug: 'twice',
        titles: { en: 'Twice' },
        primaryLocale: 'en',
        publisherName: 'P',
        onlineIssn: '0317-8471',
        printIssn: '0317-8471',
      }).expect(400);
      expect(response.body.errors).toEqual([
        { field: 'printIssn', messages: ['must differ from the online ISSN'] },
      ]);
    });

    it('is refused to a journal manager', async () => {
      await createJournal(
        { slug: 'by-manager', titles: { en: 'M' }, primaryLocale: 'en', publisherName: 'P' },
        manager,
      ).expect(403);
    });
  });

  describe('settings by the journal manager', () => {
    it('edits settings and records before/after in the audit log', async () => {
      const response = await stack
        .http()
        .patch('/api/journals/volunteering')
        .set('Authorization', manager)
        .send({
          reviewDueDays: 30,
          reviewPolicy: 'anonymous',
          focusAndScope: { en: 'Volunteering in the Gulf and the Maghreb.' },
          publicationEthics: { ar: 'تلتزم المجلة بممارسات COPE.', en: 'The journal follows COPE.' },
        })
        .expect(200);
      expect(response.body).toMatchObject({
        reviewDueDays: 30,
        reviewPolicy: 'anonymous',
        publicationEthics: { ar: 'تلتزم المجلة بممارسات COPE.', en: 'The journal follows COPE.' },
      });
      const audit = await stack
        .http()
        .get('/api/journals/volunteering/audit-events?action=journal.settings_updated')
        .set('Authorization', manager)
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'journal.settings_updated',
        objectType: 'journal',
        before: { reviewDueDays: 28, reviewPolicy: 'double_anonymous' },
        after: { reviewDueDays: 30, reviewPolicy: 'anonymous' },
        actorKind: 'user',
      });
      expect(audit.body.items[0].actorIp).toBeTruthy();
    });

    it('may not change the slug (site administrators may)', async () => {
      await stack
        .http()
        .patch('/api/journals/volunteering')
        .set('Authorization', manager)
        .send({ slug: 'renamed' })
        .expect(403);
      expect(await stack.dataSource.getRepository(Journal).countBy({ slug: 'volunteering' })).toBe(
        1,
      );
    });

    it('refuses an invalid print ISSN and keeps the stored settings', async () => {
      await stack
        .http()
        .patch('/api/journals/volunteering')
        .set('Authorization', manager)
        .send({ printIssn: '1234-5678', reviewDueDays: 99 })
        .expect(400);
      const journal = await stack.http().get('/api/journals/volunteering').expect(200);
      expect(journal.body).toMatchObject({ printIssn: null, reviewDueDays: 30 });
    });

    it('refuses a publication ethics policy in an unknown language or over 20,000 characters', async () => {
      for (const publicationEthics of [{ de: 'Ethik' }, { en: 'x'.repeat(20_001) }]) {
        await stack
          .http()
          .patch('/api/journals/volunteering')
          .set('Authorization', manager)
          .send({ publicationEthics })
          .expect(400);
      }
      const journal = await stack.http().get('/api/journals/volunteering').expect(200);
      expect(journal.body.publicationEthics.en).toBe('The journal follows COPE.');
    });
  });

  describe('null for a setting that cannot be empty', () => {
    // Every setting the journals table keeps NOT NULL: null is refused by validation (400),
    // not left to the database (500).
    const NOT_NULL_SETTINGS = [
      'titles',
      'abbreviations',
      'descriptions',
      'focusAndScope',
      'authorGuidelines',
      'privacyStatements',
      'openAccessStatements',
      'publicationEthics',
      'primaryLocale',
      'additionalLocales',
      'publisherName',
      'doiSuffixPattern',
      'copyrightHolderRule',
      'licenceUrl',
      'reviewPolicy',
      'reviewResponseDays',
      'reviewDueDays',
      'reviewReminderDays',
      'reviewOverdueReminderDays',
      'reviewOverdueReminders',
      'minReviewsPerRound',
      'sectionEditorsRecommend',
      'submissionChecklist',
      'requiredAbstractLocales',
      'maxUploadMb',
      'slug',
    ];
    const NOT_NULL_SECTION_FIELDS = [
      'titles',
      'abbreviations',
      'policies',
      'peerReviewed',
      'openForSubmissions',
      'seq',
    ];
    const stored = async () =>
      JSON.stringify(
        await stack.dataSource.getRepository(Journal).findOneByOrFail({ slug: 'volunteering' }),
      );
    const fieldsOf = (body: { errors: { field: string }[] }) =>
      body.errors.map((error) => error.field);

    it.each(NOT_NULL_SETTINGS)(
      'refuses %s: null with a 400 naming the field, and changes nothing',
      async (field) => {
        const before = await stored();
        const response = await stack
          .http()
          .patch('/api/journals/volunteering')
          .set('Authorization', admin)
          .send({ [field]: null })
          .expect(400);
        expect(response.body.type).toBe('urn:tahkim:problem:validation-error');
        expect(fieldsOf(response.body)).toEqual([field]);
        expect(await stored()).toBe(before);
      },
    );

    it('still clears an optional setting with null', async () => {
      await stack
        .http()
        .patch('/api/journals/volunteering')
        .set('Authorization', manager)
        .send({ publisherPlace: 'Doha' })
        .expect(200);
      const response = await stack
        .http()
        .patch('/api/journals/volunteering')
        .set('Authorization', manager)
        .send({ publisherPlace: null, contactEmail: null })
        .expect(200);
      expect(response.body).toMatchObject({ publisherPlace: null });
    });

    it('refuses null settings when creating a journal, naming each, and creates nothing', async () => {
      const response = await createJournal({
        slug: 'null-settings',
        titles: { en: 'Null settings' },
        primaryLocale: 'en',
        publisherName: 'P',
        reviewDueDays: null,
        descriptions: null,
      }).expect(400);
      expect(fieldsOf(response.body).sort()).toEqual(['descriptions', 'reviewDueDays']);
      expect(await stack.dataSource.getRepository(Journal).countBy({ slug: 'null-settings' })).toBe(
        0,
      );
    });

    it('refuses a journal without titles, primary language or publisher, naming each', async () => {
      const response = await createJournal({ slug: 'missing-settings' }).expect(400);
      expect(fieldsOf(response.body).sort()).toEqual(['primaryLocale', 'publisherName', 'titles']);
      expect(
        await stack.dataSource.getRepository(Journal).countBy({ slug: 'missing-settings' }),
      ).toBe(0);
    });

    it.each(NOT_NULL_SECTION_FIELDS)(
      'refuses a section’s %s: null with a 400 naming the field, and changes nothing',
      async (field) => {
        const sections = await stack.http().get('/api/journals/volunteering/sections').expect(200);
        const section = sections.body[0];
        const response = await stack
          .http()
          .patch(`/api/journals/volunteering/sections/${section.id}`)
          .set('Authorization', editor)
          .send({ [field]: null })
          .expect(400);
        expect(fieldsOf(response.body)).toEqual([field]);
        const after = await stack.http().get('/api/journals/volunteering/sections').expect(200);
        expect(after.body[0]).toEqual(section);
      },
    );
  });

  describe('sections and board', () => {
    let sectionId: string;

    it('adds a section with multilingual titles and orders it last', async () => {
      const response = await stack
        .http()
        .post('/api/journals/volunteering/sections')
        .set('Authorization', editor)
        .send({
          titles: { ar: 'ملفات خاصة', en: 'Special Files', fr: 'Dossiers' },
          peerReviewed: true,
          wordLimit: 8000,
        })
        .expect(201);
      sectionId = response.body.id;
      const sections = await stack.http().get('/api/journals/volunteering/sections').expect(200);
      expect(sections.body.map((section: { titles: { en: string } }) => section.titles.en)).toEqual(
        [
          'Research Articles',
          'Field Reports',
          'Policy and Governance',
          'Book Reviews',
          'Special Files',
        ],
      );
      // Editors are listed by name only: their addresses are not public.
      expect(JSON.stringify(sections.body)).not.toContain('@volunteering.example.org');
    });

    it('assigns section editors, who must hold an editorial role in the journal', async () => {
      const fieldEditor = await stack.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'section.field@volunteering.example.org' });
      const author = await stack.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'author1@volunteering.example.org' });
      const refused = await stack
        .http()
        .put(`/api/journals/volunteering/sections/${sectionId}/editors`)
        .set('Authorization', editor)
        .send({ userIds: [author.id] })
        .expect(400);
      expect(refused.body.errors[0].messages[0]).toContain(author.id);
      const response = await stack
        .http()
        .put(`/api/journals/volunteering/sections/${sectionId}/editors`)
        .set('Authorization', editor)
        .send({ userIds: [fieldEditor.id] })
        .expect(200);
      expect(response.body.editors).toEqual([{ id: fieldEditor.id, names: fieldEditor.names }]);
    });

    it('lets an assigned section editor edit their section', async () => {
      const sectionEditor = await signIn(stack, 'section.field@volunteering.example.org');
      const response = await stack
        .http()
        .patch(`/api/journals/volunteering/sections/${sectionId}`)
        .set('Authorization', sectionEditor)
        .send({ policies: { en: 'Thematic files of the forum.' } })
        .expect(200);
      expect(response.body.policies).toEqual({ en: 'Thematic files of the forum.' });
    });

    it('replaces the editorial board in masthead order', async () => {
      const response = await stack
        .http()
        .put('/api/journals/volunteering/board')
        .set('Authorization', manager)
        .send({
          members: [
            {
              names: { ar: 'خالد المنصوري', en: 'Khalid Al-Mansouri' },
              roleTitles: { ar: 'رئيس التحرير', en: 'Editor-in-Chief' },
              orcid: '0000-0002-1825-0097',
            },
            { names: { en: 'Nadia El Amrani' }, roleTitles: { en: 'Managing Editor' } },
          ],
        })
        .expect(200);
      expect(response.body.map((member: { seq: number }) => member.seq)).toEqual([0, 1]);
      const board = await stack.http().get('/api/journals/volunteering/board').expect(200);
      expect(board.body[0]).toMatchObject({
        names: { ar: 'خالد المنصوري' },
        orcid: '0000-0002-1825-0097',
      });
    });
  });

  describe('enrolment', () => {
    it('enrols an existing user as editor and tells them by email in their language', async () => {
      const response = await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', manager)
        .send({ email: 'author2@volunteering.example.org', role: 'editor' })
        .expect(201);
      expect(response.body).toMatchObject({ role: 'editor', invited: false });
      const mail = await stack.mailTo('author2@volunteering.example.org');
      expect(mail.subject).toBe(
        'Votre nouveau rôle dans Revue du travail bénévole\u00A0: rédacteur en chef',
      );
      await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', manager)
        .send({ email: 'author2@volunteering.example.org', role: 'editor' })
        .expect(409);
    });

    it('invites a new reviewer, who accepts, sets a password and signs in', async () => {
      const email = 'new.reviewer@example.org';
      const response = await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', editor)
        .send({
          email,
          role: 'reviewer',
          names: {
            Arab: { given: 'هدى', family: 'الفاسي' },
            Latn: { given: 'Houda', family: 'El Fassi' },
          },
        })
        .expect(201);
      expect(response.body.invited).toBe(true);
      const mail = await stack.mailTo(email);
      // The journal's primary language, Arabic, since the new person has chosen none.
      expect(mail.subject).toBe('دعوة للانضمام إلى مجلة العمل التطوعي المحكّمة بصفة محكّم');
      expect(mail.html).toContain('dir="rtl"');
      const pending = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
      expect(pending.status).toBe('invited');
      await stack
        .http()
        .post('/api/auth/login')
        .send({ email, password: 'Anything-at-all-1' })
        .expect(401);

      // The link shows whom it is for, as the editor wrote it, and stays usable.
      for (let look = 0; look < 2; look++) {
        const view = await stack
          .http()
          .post('/api/auth/invitation/view')
          .send({ token: tokenIn(mail) })
          .expect(200);
        expect(view.body).toEqual({
          email,
          names: {
            Arab: { given: 'هدى', family: 'الفاسي' },
            Latn: { given: 'Houda', family: 'El Fassi' },
          },
        });
      }
      const [id] = tokenIn(mail).split('.');
      const forged = await stack
        .http()
        .post('/api/auth/invitation/view')
        .send({ token: `${id}.not-the-secret` })
        .expect(400);
      expect(forged.body.type).toBe('urn:tahkim:problem:invalid-token');

      const accepted = await stack
        .http()
        .post('/api/auth/accept-invitation')
        .send({ token: tokenIn(mail), password: 'Olive-groves-of-Fes-9' })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email, emailVerified: true });
      const me = await stack
        .http()
        .get('/api/me')
        .set('Authorization', `Bearer ${accepted.body.token}`)
        .expect(200);
      expect(me.body.roles).toEqual([
        { journalId: expect.any(String), journalSlug: 'volunteering', role: 'reviewer' },
      ]);
      await stack
        .http()
        .post('/api/auth/accept-invitation')
        .send({ token: tokenIn(mail), password: 'Olive-groves-of-Fes-9' })
        .expect(400);
      // Used, the link shows nothing more.
      await stack
        .http()
        .post('/api/auth/invitation/view')
        .send({ token: tokenIn(mail) })
        .expect(400);
    });

    it('lets an invited person who lost the invitation set a password by reset', async () => {
      const email = 'lost.invitation@example.org';
      await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', manager)
        .send({
          email,
          role: 'reviewer',
          names: { Latn: { given: 'Lost', family: 'Invitation' } },
          preferredLocale: 'en',
        })
        .expect(201);
      await stack.mailTo(email);
      await stack.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
      const reset = await stack.mailTo(
        email,
        (mail) => mail.subject?.startsWith('Reset your password') ?? false,
      );
      await stack
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: tokenIn(reset), newPassword: 'Dates-from-Tafilalt-3' })
        .expect(204);
      await stack
        .http()
        .post('/api/auth/login')
        .send({ email, password: 'Dates-from-Tafilalt-3' })
        .expect(200);
    });

    it('needs names to invite an address without an account', async () => {
      const response = await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', manager)
        .send({ email: 'nameless@example.org', role: 'reviewer' })
        .expect(400);
      expect(response.body.errors[0].field).toBe('names');
      expect(
        await stack.dataSource.getRepository(User).countBy({ email: 'nameless@example.org' }),
      ).toBe(0);
    });

    it('lets an editor give reviewer but not manager', async () => {
      await stack
        .http()
        .post('/api/journals/volunteering/roles')
        .set('Authorization', editor)
        .send({ email: 'author3@volunteering.example.org', role: 'manager' })
        .expect(403);
    });

    it('lets anyone signed in become an author, but not a reviewer', async () => {
      const outsider = await signIn(stack, 'reviewer2@volunteering.example.org');
      await stack
        .http()
        .post('/api/journals/volunteering/roles/self')
        .set('Authorization', outsider)
        .send({ role: 'author' })
        .expect(201);
      await stack
        .http()
        .post('/api/journals/volunteering/roles/self')
        .set('Authorization', outsider)
        .send({ role: 'editor' })
        .expect(400);
    });

    it('keeps at least one manager', async () => {
      const journal = await stack.dataSource
        .getRepository(Journal)
        .findOneByOrFail({ slug: 'volunteering' });
      const managerRole = await stack.dataSource
        .getRepository(JournalRole)
        .findOneByOrFail({ journalId: journal.id, role: 'manager' });
      await stack
        .http()
        .delete(`/api/journals/volunteering/roles/${managerRole.id}`)
        .set('Authorization', manager)
        .expect(409);
    });

    it('lists people and roles page by page with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `limit=4&cursor=${cursor}` : 'limit=4';
        const page = await stack
          .http()
          .get(`/api/journals/volunteering/roles?${query}`)
          .set('Authorization', manager)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const journal = await stack.dataSource
        .getRepository(Journal)
        .findOneByOrFail({ slug: 'volunteering' });
      const total = await stack.dataSource
        .getRepository(JournalRole)
        .countBy({ journalId: journal.id });
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      await stack
        .http()
        .get('/api/journals/volunteering/roles?cursor=not-a-cursor')
        .set('Authorization', manager)
        .expect(400);

      const newestFirst = await stack
        .http()
        .get('/api/journals/volunteering/roles?order=desc&limit=100')
        .set('Authorization', manager)
        .expect(200);
      expect(newestFirst.body.items.map((item: { id: string }) => item.id)).toEqual(
        [...seen].reverse(),
      );
      await stack
        .http()
        .get('/api/journals/volunteering/roles?order=sideways')
        .set('Authorization', manager)
        .expect(400);
    });
  });

  describe('audit log', () => {
    it('is filterable by object and readable by managers only', async () => {
      const journal = await stack.dataSource
        .getRepository(Journal)
        .findOneByOrFail({ slug: 'volunteering' });
      const events = await stack
        .http()
        .get(`/api/journals/volunteering/audit-events?objectType=journal&objectId=${journal.id}`)
        .set('Authorization', manager)
        .expect(200);
      expect(events.body.items.length).toBeGreaterThanOrEqual(2);
      expect(
        events.body.items.every((event: { objectId: string }) => event.objectId === journal.id),
      ).toBe(true);
      await stack
        .http()
        .get('/api/journals/volunteering/audit-events')
        .set('Authorization', editor)
        .expect(403);
      const site = await stack
        .http()
        .get('/api/admin/audit-events?action=journal.created')
        .set('Authorization', admin)
        .expect(200);
      expect(site.body.items.map((event: { after: { slug: string } }) => event.after.slug)).toEqual(
        expect.arrayContaining(['civil-society', 'defaults']),
      );
    });
  });
});
