import type { ParsedMail } from 'mailparser';
import { PasswordHasher } from '../src/accounts/password-hasher.service';
import { User } from '../src/accounts/user.entity';
import type { PersonNames } from '../src/editorial/people';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { Submission } from '../src/submissions/entities/submission.entity';
import { makeDocx, makePdf, PNG } from './support/manuscripts';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const TITLE = 'Why volunteers stay: retention in Moroccan associations';
const JOURNAL = '/api/journals/volunteering';
const demo = (key: string) => `${key}@volunteering.example.org`;
/** The people made for this test, beside the demo's: a French copyeditor, an English producer. */
const NEWCOMERS: Record<string, { names: PersonNames; locale: 'fr' | 'en' }> = {
  copyeditor: {
    names: {
      Latn: { given: 'Camille', family: 'Lefèvre' },
      Arab: { given: 'كاميل', family: 'لوفيفر' },
    },
    locale: 'fr',
  },
  producer: { names: { Latn: { given: 'Sara', family: 'Haddad' } }, locale: 'en' },
};

describe('copyediting and production: stage assignments, discussions, galley source', () => {
  let stack: Stack;
  let submissionId: string;
  let number: string;
  const auth: Record<string, string> = {};
  const users: Record<string, User> = {};
  const ids: Record<string, string> = {};

  const http = () => stack.http();
  const as = (key: string) => ({ Authorization: auth[key] });
  const assignments = () => `${JOURNAL}/submissions/${submissionId}/stage-assignments`;
  const discussions = () => `/api/submissions/${submissionId}/discussions`;
  const assign = (key: string, stage: string, who = 'editor') =>
    http().post(assignments()).set(as(who)).send({ userId: users[key].id, stage });
  const enrol = (key: string, role: string, who = 'editor') =>
    http().post(`${JOURNAL}/roles`).set(as(who)).send({ email: users[key].email, role });
  /** Who was emailed about one message (from the outbox, so absences show too). */
  const notified = async (messageId: string) =>
    (
      await stack.dataSource.query(
        `SELECT recipient_email, locale FROM outbox_messages
          WHERE template = 'discussion-message' AND dedupe_key LIKE $1 ORDER BY recipient_email`,
        [`discussion-message:${messageId}:%`],
      )
    ).map((row: { recipient_email: string; locale: string }) => [row.recipient_email, row.locale]);
  const events = async (kind: string) =>
    stack.dataSource.query(
      `SELECT author_visible, data FROM submission_events WHERE submission_id = $1 AND kind = $2`,
      [submissionId, kind],
    ) as Promise<{ author_visible: boolean; data: Record<string, string> }[]>;
  /** A download, its body as bytes whatever its type. */
  const download = (path: string, who: string) =>
    http().get(path).set(as(who)).buffer(true).parse(binaryBody);
  const discussionMail = (subject: string) => (mail: ParsedMail) =>
    (mail.subject ?? '').includes(subject);

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
    for (const [key, person] of Object.entries(NEWCOMERS)) {
      await stack.dataSource.getRepository(User).save({
        email: `${key}@production.test`,
        passwordHash,
        status: 'active',
        emailVerifiedAt: new Date(),
        names: person.names,
        preferredLocale: person.locale,
      });
    }
    const emails: Record<string, string> = {
      ...Object.fromEntries(
        ['editor', 'manager', 'author1', 'author3', 'reviewer1', 'section.field'].map((key) => [
          key,
          demo(key),
        ]),
      ),
      copyeditor: 'copyeditor@production.test',
      producer: 'producer@production.test',
    };
    for (const [key, email] of Object.entries(emails)) {
      auth[key] = await signIn(stack, email);
      users[key] = await stack.dataSource.getRepository(User).findOneByOrFail({ email });
    }
    const [row] = await stack.dataSource.query(
      `SELECT s.id, s.number FROM submissions s JOIN submission_metadata m ON m.submission_id = s.id
        WHERE m.locale = 'en' AND m.title = $1`,
      [TITLE],
    );
    submissionId = row.id;
    number = row.number;
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('roles', () => {
    it('lets an editor enrol a copyeditor and a production editor, each told in their language', async () => {
      await enrol('copyeditor', 'copyeditor').expect(201);
      const french = await stack.mailTo(users.copyeditor.email);
      expect(french.subject).toBe(
        'Votre nouveau rôle dans Revue du travail bénévole\u00A0: réviseur linguistique',
      );
      await enrol('producer', 'production_editor').expect(201);
      const english = await stack.mailTo(users.producer.email);
      expect(english.text).toContain('production editor');
    });
  });

  describe('stage assignments', () => {
    it('refuses the galley source before production', async () => {
      const [manuscript] = await stack.dataSource.query(
        `SELECT id FROM submission_files WHERE submission_id = $1 AND genre = 'manuscript'`,
        [submissionId],
      );
      ids.manuscript = manuscript.id;
      const refused = await http()
        .put(`${JOURNAL}/submissions/${submissionId}/galley-source`)
        .set(as('editor'))
        .send({ fileId: manuscript.id })
        .expect(409);
      expect(refused.body.type).toBe('urn:tahkim:problem:not-in-production');
    });

    it('assigns a copyeditor, emailed in French with the stage and a link', async () => {
      const response = await assign('copyeditor', 'copyediting').expect(201);
      ids.copyeditorAssignment = response.body.id;
      expect(response.body).toMatchObject({
        stage: 'copyediting',
        role: 'copyeditor',
        removedAt: null,
        user: { id: users.copyeditor.id },
        assignedBy: { id: users.editor.id },
      });
      const mail = await stack.mailTo(users.copyeditor.email, discussionMail('Affectation'));
      expect(mail.subject).toBe(`Affectation à la soumission ${number} (révision linguistique)`);
      expect(mail.text).toContain('vous a confié la révision linguistique');
      expect(mail.text).toContain(TITLE);
      expect(mail.text).toContain(
        `http://journals.test/journals/volunteering/workflow/${submissionId}`,
      );
      expect(mail.html).toContain('<html lang="fr" dir="ltr">');
      const [event] = await events('stage_assigned');
      expect(event).toEqual({
        author_visible: false,
        data: expect.objectContaining({ stage: 'copyediting', userId: users.copyeditor.id }),
      });
    });

    it('refuses someone without the stage’s role, twice the same person, authors and reviewers', async () => {
      const wrongRole = await assign('producer', 'copyediting').expect(422);
      expect(wrongRole.body.type).toBe('urn:tahkim:problem:missing-stage-role');
      const twice = await assign('copyeditor', 'copyediting').expect(409);
      expect(twice.body.type).toBe('urn:tahkim:problem:already-assigned');

      await enrol('author3', 'copyeditor', 'manager').expect(201);
      const author = await assign('author3', 'copyediting').expect(422);
      expect(author.body.type).toBe('urn:tahkim:problem:author-of-submission');
      // reviewer1 reviewed this submission under double-anonymous review.
      await enrol('reviewer1', 'copyeditor', 'manager').expect(201);
      const reviewer = await assign('reviewer1', 'copyediting').expect(422);
      expect(reviewer.body.type).toBe('urn:tahkim:problem:reviewer-of-submission');
    });

    it('answers 404 to another section’s editor and 403 to authors and copyeditors', async () => {
      await assign('copyeditor', 'copyediting', 'section.field').expect(404);
      await http().get(assignments()).set(as('section.field')).expect(404);
      await assign('copyeditor', 'copyediting', 'author3').expect(403);
      await assign('copyeditor', 'copyediting', 'copyeditor').expect(403);
      await http()
        .delete(`${assignments()}/${ids.copyeditorAssignment}`)
        .set(as('copyeditor'))
        .expect(403);
      // author3 was made a copyeditor above: the role passes, the submission is not theirs.
      await http().get(assignments()).set(as('author3')).expect(404);
      await http().get(assignments()).set(as('author1')).expect(403);
    });

    it('shows the assignee who works on it and the files to work from, but not to others', async () => {
      const list = await http().get(assignments()).set(as('copyeditor')).expect(200);
      expect(list.body).toMatchObject({ stage: 'copyediting', galleySource: null });
      expect(list.body.assignments).toEqual([
        expect.objectContaining({ id: ids.copyeditorAssignment, stage: 'copyediting' }),
      ]);
      expect(list.body.files).toEqual([
        expect.objectContaining({ id: ids.manuscript, genre: 'manuscript', version: 1 }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain('storageKey');
      const manuscript = await download(
        `${JOURNAL}/submissions/${submissionId}/stage-files/${ids.manuscript}/content`,
        'copyeditor',
      ).expect(200);
      expect(manuscript.headers['content-disposition']).toMatch(/^attachment;/);
      expect((manuscript.body as Buffer).toString()).toContain(TITLE);
      // The production editor is not assigned (yet): the submission is not theirs to see.
      await http().get(assignments()).set(as('producer')).expect(404);
    });
  });

  describe('a copyediting discussion', () => {
    it('is started by the editor; the author and the copyeditor are emailed in their languages', async () => {
      const response = await http()
        .post(discussions())
        .set(as('editor'))
        .send({
          stage: 'copyediting',
          subject: 'References and the appendix',
          body: 'Please check the references.\nThe appendix goes at the end.',
        })
        .expect(201);
      ids.discussion = response.body.id;
      expect(response.body).toMatchObject({
        stage: 'copyediting',
        subject: 'References and the appendix',
        closedAt: null,
        createdBy: { id: users.editor.id },
        messages: [{ author: { id: users.editor.id }, file: null }],
      });
      expect(await notified(response.body.messages[0].id)).toEqual([
        [users.author3.email, 'en'],
        [users.copyeditor.email, 'fr'],
      ]);

      const english = await stack.mailTo(users.author3.email, discussionMail('References'));
      expect(english.subject).toBe(
        `New message in “References and the appendix” (submission ${number})`,
      );
      expect(english.text).toContain('Khalid Al-Mansouri has written in a copyediting discussion');
      expect(english.html).toContain(
        'Please check the references.<br>The appendix goes at the end.',
      );
      expect(english.text).toContain(
        `http://journals.test/en/j/volunteering/submissions/${submissionId}#discussion-${ids.discussion}`,
      );
      const french = await stack.mailTo(users.copyeditor.email, discussionMail('References'));
      expect(french.subject).toBe(
        `Nouveau message dans la discussion «\u00A0References and the appendix\u00A0» (soumission ${number})`,
      );
      expect(french.text).toContain('l’étape de révision linguistique');
      expect(french.text).not.toMatch(/ [:;?!»]|« /);
    });

    it('takes the author’s reply, emailed to the editor in Arabic (right to left) and the copyeditor', async () => {
      const reply = await http()
        .post(`${discussions()}/${ids.discussion}/messages`)
        .set(as('author3'))
        .send({ body: 'Done: the appendix is now at the end.' })
        .expect(201);
      expect(reply.body).toMatchObject({ author: { id: users.author3.id }, file: null });
      expect(await notified(reply.body.id)).toEqual([
        [users.copyeditor.email, 'fr'],
        [users.editor.email, 'ar'],
      ]);
      const arabic = await stack.mailTo(users.editor.email, discussionMail('References'));
      expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
      expect(arabic.subject).toBe(
        `رسالة جديدة في نقاش «References and the appendix»: البحث رقم ${number}`,
      );
      expect(arabic.text).toContain('وصلت رسالة جديدة من مريم السيد');
      expect(arabic.text).toContain('Done: the appendix is now at the end.');
      await stack.mailTo(users.copyeditor.email, discussionMail('References'));
    });

    it('carries the copyeditor’s file, which the author downloads', async () => {
      const docx = await makeDocx({
        author: 'Camille Lefèvre',
        company: 'Revue',
        body: 'Copyedited text.',
      });
      const upload = await http()
        .post(`${discussions()}/${ids.discussion}/files`)
        .set(as('copyeditor'))
        .attach('file', docx, 'copyedited-v1.docx')
        .expect(201);
      ids.copyedited = upload.body.file.id;
      expect(upload.body).toMatchObject({
        author: { id: users.copyeditor.id },
        body: '',
        file: {
          genre: 'copyedited',
          version: 1,
          originalName: 'copyedited-v1.docx',
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      });
      expect(await notified(upload.body.id)).toEqual([
        [users.author3.email, 'en'],
        [users.editor.email, 'ar'],
      ]);
      const mail = await stack.mailTo(users.author3.email, discussionMail('References'));
      expect(mail.text).toContain('Camille Lefèvre has shared a file');
      expect(mail.text).toContain('File: copyedited-v1.docx');
      await stack.mailTo(users.editor.email, discussionMail('References'));

      const downloaded = await download(
        `${discussions()}/${ids.discussion}/files/${ids.copyedited}/content`,
        'author3',
      ).expect(200);
      expect(Buffer.compare(downloaded.body as Buffer, docx)).toBe(0);
      expect(downloaded.headers['content-disposition']).toMatch(/^attachment;/);
      expect(downloaded.headers['x-content-type-options']).toBe('nosniff');
      // The author finds it among the submission's files too.
      const status = await http().get(`/api/submissions/${submissionId}`).set(as('author3'));
      expect(status.body.files).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: ids.copyedited })]),
      );
    });

    it('refuses a file whose content does not suit the stage', async () => {
      const refused = await http()
        .post(`${discussions()}/${ids.discussion}/files`)
        .set(as('author3'))
        .attach('file', PNG, 'corrections.docx')
        .expect(415);
      expect(refused.body.type).toBe('urn:tahkim:problem:unacceptable-file');
    });

    it('counts for each participant what others wrote since they last opened the discussion', async () => {
      const unread = async (who: string) =>
        (
          (await http().get(discussions()).set(as(who)).expect(200)).body.discussions as {
            id: string;
            unread: number;
          }[]
        ).find((discussion) => discussion.id === ids.discussion)?.unread;
      // The editor read their own first message when starting it; the author's reply and the
      // copyeditor's file came after. Nobody's own messages count.
      expect(await unread('editor')).toBe(2);
      expect(await unread('author3')).toBe(2);
      expect(await unread('copyeditor')).toBe(2);
      await http().get(`${discussions()}/${ids.discussion}`).set(as('author3')).expect(200);
      expect(await unread('author3')).toBe(0);
      expect(await unread('editor')).toBe(2);
      // A new message is unread for the others, not for its writer.
      const note = await http()
        .post(`${discussions()}/${ids.discussion}/messages`)
        .set(as('editor'))
        .send({ body: 'Thank you both.' })
        .expect(201);
      await notified(note.body.id);
      await stack.mailTo(users.author3.email, discussionMail('References'));
      await stack.mailTo(users.copyeditor.email, discussionMail('References'));
      expect(await unread('author3')).toBe(1);
      expect(await unread('editor')).toBe(2);
      await http().get(`${discussions()}/${ids.discussion}`).set(as('editor')).expect(200);
      expect(await unread('editor')).toBe(0);
    });

    it('shows the messages in order to every participant', async () => {
      for (const who of ['author3', 'copyeditor', 'editor', 'manager']) {
        const view = await http()
          .get(`${discussions()}/${ids.discussion}`)
          .set(as(who))
          .expect(200);
        expect(
          view.body.messages.map((message: { author: { id: string } }) => message.author.id),
        ).toEqual([users.editor.id, users.author3.id, users.copyeditor.id, users.editor.id]);
      }
      const list = await http().get(discussions()).set(as('copyeditor')).expect(200);
      expect(list.body).toMatchObject({ stage: 'copyediting', stages: ['copyediting'] });
      expect(list.body.discussions).toEqual([
        expect.objectContaining({ id: ids.discussion, messages: 4, unread: 0 }),
      ]);
    });

    it('answers 404 to outsiders, reviewers and another section’s editor', async () => {
      const discussion = `${discussions()}/${ids.discussion}`;
      for (const who of ['author1', 'reviewer1', 'section.field', 'producer']) {
        await http().get(discussions()).set(as(who)).expect(404);
        await http().get(discussion).set(as(who)).expect(404);
        await http()
          .post(`${discussion}/messages`)
          .set(as(who))
          .send({ body: 'Hello?' })
          .expect(404);
        await http().get(`${discussion}/files/${ids.copyedited}/content`).set(as(who)).expect(404);
        await http().post(`${discussion}/close`).set(as(who)).expect(404);
      }
      await http().get(discussions()).expect(401);
    });

    it('refuses a production discussion before production', async () => {
      const refused = await http()
        .post(discussions())
        .set(as('editor'))
        .send({ stage: 'production', subject: 'Proofs', body: 'Too early.' })
        .expect(409);
      expect(refused.body.type).toBe('urn:tahkim:problem:stage-not-reached');
    });

    it('is closed by the editor (not the author), and then takes no more messages or files', async () => {
      const discussion = `${discussions()}/${ids.discussion}`;
      const notTheirs = await http().post(`${discussion}/close`).set(as('author3')).expect(403);
      expect(notTheirs.body.type).toBe('urn:tahkim:problem:not-allowed-to-close');
      const closed = await http().post(`${discussion}/close`).set(as('editor')).expect(200);
      expect(closed.body.closedAt).toEqual(expect.any(String));
      const message = await http()
        .post(`${discussion}/messages`)
        .set(as('author3'))
        .send({ body: 'One more thing.' })
        .expect(409);
      expect(message.body.type).toBe('urn:tahkim:problem:discussion-closed');
      await http()
        .post(`${discussion}/files`)
        .set(as('copyeditor'))
        .attach('file', await makePdf({ author: 'x', title: 'y' }), 'late.pdf')
        .expect(409);
      await http().post(`${discussion}/close`).set(as('editor')).expect(409);
      // Still readable.
      await http().get(discussion).set(as('author3')).expect(200);
      expect((await events('discussion_closed'))[0].author_visible).toBe(true);
    });
  });

  describe('production', () => {
    it('moves to production by decision, and assigns a production editor', async () => {
      const view = await http()
        .get(`${JOURNAL}/submissions/${submissionId}`)
        .set(as('editor'))
        .expect(200);
      await http()
        .post(`${JOURNAL}/submissions/${submissionId}/decisions`)
        .set(as('editor'))
        .send({ decision: 'send_to_production', lockVersion: view.body.submission.lockVersion })
        .expect(201);
      const response = await assign('producer', 'production').expect(201);
      ids.producerAssignment = response.body.id;
      const mail = await stack.mailTo(users.producer.email, discussionMail('Assignment'));
      expect(mail.subject).toBe(`Assignment: production of submission ${number}`);
      expect(mail.text).toContain('assigned you as production editor');
    });

    it('keeps the production editor to production discussions, and the copyeditor out of them', async () => {
      const started = await http()
        .post(discussions())
        .set(as('producer'))
        .send({ stage: 'production', subject: 'Proofs', body: 'The first proofs are attached.' })
        .expect(201);
      ids.production = started.body.id;
      expect(await notified(started.body.messages[0].id)).toEqual([
        [users.author3.email, 'en'],
        [users.editor.email, 'ar'],
      ]);
      const proofs = await http()
        .post(`${discussions()}/${ids.production}/files`)
        .set(as('producer'))
        .attach('file', await makePdf({ author: 'Sara Haddad', title: 'Proofs' }), 'proofs.pdf')
        .expect(201);
      expect(proofs.body.file).toMatchObject({ genre: 'galley', mediaType: 'application/pdf' });
      ids.galley = proofs.body.file.id;
      await http().get(`${discussions()}/${ids.discussion}`).set(as('producer')).expect(404);
      await http().get(`${discussions()}/${ids.production}`).set(as('copyeditor')).expect(404);
      const list = await http().get(discussions()).set(as('author3')).expect(200);
      expect(list.body.discussions.map((d: { id: string }) => d.id)).toEqual([
        ids.discussion,
        ids.production,
      ]);
    });

    it('lets the production editor mark the copyedited file as the galley source', async () => {
      const path = `${JOURNAL}/submissions/${submissionId}/galley-source`;
      const notSource = await http()
        .put(path)
        .set(as('producer'))
        .send({ fileId: ids.galley })
        .expect(422);
      expect(notSource.body.type).toBe('urn:tahkim:problem:not-a-manuscript');
      await http().put(path).set(as('copyeditor')).send({ fileId: ids.copyedited }).expect(403);
      await http().put(path).set(as('section.field')).send({ fileId: ids.copyedited }).expect(404);
      const marked = await http()
        .put(path)
        .set(as('producer'))
        .send({ fileId: ids.copyedited })
        .expect(200);
      expect(marked.body).toMatchObject({ id: ids.copyedited, genre: 'copyedited' });
      const list = await http().get(assignments()).set(as('editor')).expect(200);
      expect(list.body.galleySource).toMatchObject({ id: ids.copyedited });
      expect(list.body.stage).toBe('production');
      const submission = await stack.dataSource
        .getRepository(Submission)
        .findOneByOrFail({ id: submissionId });
      expect(submission.galleySourceFileId).toBe(ids.copyedited);
      const [event] = await events('galley_source_marked');
      expect(event).toEqual({
        author_visible: false,
        data: expect.objectContaining({ fileId: ids.copyedited }),
      });
    });

    it('never shows the later stages’ files to the reviewers', async () => {
      const [assignment] = await stack.dataSource.query(
        `SELECT id FROM review_assignments WHERE submission_id = $1 AND reviewer_id = $2`,
        [submissionId, users.reviewer1.id],
      );
      const view = await http()
        .get(`/api/reviews/${assignment.id}`)
        .set(as('reviewer1'))
        .expect(200);
      const text = JSON.stringify(view.body);
      expect(text).not.toContain(ids.copyedited);
      expect(text).not.toContain(ids.galley);
    });
  });

  describe('removing an assignment', () => {
    it('ends the copyeditor’s access, keeps the record, and allows assigning again', async () => {
      const path = `${assignments()}/${ids.copyeditorAssignment}`;
      await http().delete(path).set(as('editor')).expect(204);
      await http().delete(path).set(as('editor')).expect(409);
      await http().get(`${discussions()}/${ids.discussion}`).set(as('copyeditor')).expect(404);
      await http().get(assignments()).set(as('copyeditor')).expect(404);
      const list = await http().get(assignments()).set(as('editor')).expect(200);
      expect(
        list.body.assignments.find((a: { id: string }) => a.id === ids.copyeditorAssignment)
          .removedAt,
      ).toEqual(expect.any(String));
      expect((await events('stage_unassigned'))[0].author_visible).toBe(false);
      await assign('copyeditor', 'copyediting').expect(201);
      await http().get(`${discussions()}/${ids.discussion}`).set(as('copyeditor')).expect(200);
    });
  });
});
