import JSZip from 'jszip';
import type { ParsedMail } from 'mailparser';
import { JournalRole } from '../src/access/journal-role.entity';
import { PasswordHasher } from '../src/accounts/password-hasher.service';
import { User } from '../src/accounts/user.entity';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { Journal } from '../src/journals/journal.entity';
import { OutboxMessage } from '../src/notifications/entities/outbox-message.entity';
import { ReviewAssignment } from '../src/reviews/entities/review-assignment.entity';
import { makeDocx } from './support/manuscripts';
import { type Stack, startStack, tokenIn, binaryBody } from './support/api-with-worker';
import { eventually, startWorker } from './support/worker-context';
import { givenFor } from './support/given';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const DAY = 86_400_000;

/** Every string that would identify a person: names in each script, email, affiliation, ORCID. */
function identityStrings(user: User): string[] {
  const names = Object.values(user.names).flatMap((name) =>
    name ? [[name.given, name.family].filter(Boolean).join(' '), name.family ?? ''] : [],
  );
  return [...names, user.email, user.affiliation ?? '', user.orcid ?? ''].filter(
    (value) => value.length >= 4,
  );
}

function leaks(text: string, identities: string[]): string[] {
  return identities.filter((identity) => text.includes(identity));
}

/** All of an email a recipient can see: headers that name people, subject, both bodies. */
function mailText(mail: ParsedMail): string {
  const addresses = [mail.from, mail.replyTo, mail.cc, mail.bcc]
    .flatMap((field) => (field ? (Array.isArray(field) ? field : [field]) : []))
    .map((field) => field.text);
  return [...addresses, mail.subject ?? '', mail.text ?? '', String(mail.html || '')].join('\n');
}

describe('peer review: two rounds, three reviewers, reminders, decisions, anonymity', () => {
  let stack: Stack;
  let submissionId: string;
  const auth: Record<string, string> = {};
  const users: Record<string, User> = {};
  const assignments: Record<string, string> = {};

  const http = () => stack.http();
  const as = (key: string) => ({ Authorization: auth[key] });

  beforeAll(async () => {
    stack = await startStack({ REMINDER_SCAN_INTERVAL_MS: '300' });
    await seedDemo(stack.api, { submissions: false });
    for (const key of [
      'author1',
      'editor',
      'manager',
      'reviewer1',
      'reviewer2',
      'reviewer3',
      'reviewer4',
    ]) {
      auth[key] = await signIn(stack, key);
      users[key] = await stack.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: email(key) });
    }
    // reviewer4 shares the author's affiliation: a conflict of interest.
    await stack.dataSource
      .getRepository(User)
      .update({ id: users.reviewer4.id }, { affiliation: users.author1.affiliation });
    users.reviewer4.affiliation = users.author1.affiliation;
    // Reminders: one before the date is off; overdue ones daily, at most one, then the editor.
    await stack.dataSource
      .getRepository(Journal)
      .update(
        { slug: 'volunteering' },
        { reviewReminderDays: 0, reviewOverdueReminderDays: 1, reviewOverdueReminders: 1 },
      );

    ({ id: submissionId } = await givenFor(stack, auth).submittedSubmission('author1', {
      locale: 'ar',
      metadata: {
        ar: {
          title: 'إدارة العمل التطوعي في الجمعيات المغربية',
          abstract: 'دراسة في إدارة المتطوعين والعمل التطوعي.',
          keywords: ['العمل التطوعي', 'الجمعيات'],
        },
        en: {
          title: 'Volunteer management in Moroccan associations',
          abstract: 'A study of volunteer management.',
          keywords: ['volunteer management'],
        },
      },
      manuscript: {
        content: await makeDocx({
          author: 'Leila Benali',
          company: 'Université Ibn Tofail',
          body: 'Text.',
        }),
        filename: 'benali-manuscript.docx',
      },
    }));
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  const lockVersion = async () =>
    (
      await http()
        .get(`/api/journals/volunteering/submissions/${submissionId}`)
        .set(as('editor'))
        .expect(200)
    ).body.submission.lockVersion as number;

  const decide = async (body: object, status = 201) =>
    http()
      .post(`/api/journals/volunteering/submissions/${submissionId}/decisions`)
      .set(as('editor'))
      .send({ lockVersion: await lockVersion(), ...body })
      .expect(status);

  const invite = (reviewer: string, extra: object = {}) =>
    http()
      .post(`/api/journals/volunteering/submissions/${submissionId}/review-assignments`)
      .set(as('editor'))
      .send({ reviewerId: users[reviewer].id, ...extra });

  it('refuses to invite before the submission is sent to review', async () => {
    const response = await invite('reviewer1').expect(409);
    expect(response.body.type).toBe('urn:tahkim:problem:not-in-review');
  });

  it('sends the submission to review, opening round 1', async () => {
    await decide({ decision: 'send_to_review' });
    const rounds = await http()
      .get(`/api/journals/volunteering/submissions/${submissionId}/review-rounds`)
      .set(as('editor'))
      .expect(200);
    expect(rounds.body).toEqual([expect.objectContaining({ number: 1, status: 'in_review' })]);
  });

  it('ranks reviewers by interest and leaves out the conflicted one unless asked', async () => {
    const base = `/api/journals/volunteering/submissions/${submissionId}/reviewer-suggestions`;
    const ranked = (await http().get(base).set(as('editor')).expect(200)).body as {
      id: string;
      relevance: number;
      matchedInterests: string[];
      conflicts: unknown[];
    }[];
    expect(ranked[0].id).toBe(users.reviewer1.id);
    expect(ranked[0].relevance).toBeGreaterThan(0);
    expect(ranked[0].matchedInterests).toEqual(
      expect.arrayContaining(['العمل التطوعي', 'volunteer management']),
    );
    expect(ranked.map((candidate) => candidate.id)).not.toContain(users.reviewer4.id);
    const all = (await http().get(`${base}?includeConflicted=true`).set(as('editor')).expect(200))
      .body as { id: string; conflicts: { kind: string }[] }[];
    expect(all.find((candidate) => candidate.id === users.reviewer4.id)?.conflicts).toEqual([
      expect.objectContaining({ kind: 'shared_affiliation' }),
    ]);
    const search = await http().get(`${base}?q=Kuwari`).set(as('editor')).expect(200);
    expect(search.body.map((candidate: { id: string }) => candidate.id)).toEqual([
      users.reviewer2.id,
    ]);
  });

  it('refuses a conflicted reviewer without a reason, and anyone who is not a reviewer', async () => {
    const conflicted = await invite('reviewer4').expect(409);
    expect(conflicted.body.type).toBe('urn:tahkim:problem:conflict-of-interest');
    const notReviewer = await invite('author1').expect(422);
    expect(notReviewer.body.type).toBe('urn:tahkim:problem:not-a-reviewer');
    expect(await stack.dataSource.getRepository(ReviewAssignment).count()).toBe(0);
  });

  it('invites three reviewers, each once per round, by email with a signed link', async () => {
    for (const reviewer of ['reviewer1', 'reviewer2', 'reviewer3']) {
      const response = await invite(reviewer).expect(201);
      assignments[reviewer] = response.body.id;
      expect(response.body.method).toBe('double_anonymous');
    }
    const twice = await invite('reviewer1').expect(409);
    expect(twice.body.type).toBe('urn:tahkim:problem:already-invited');
  });

  it('gives an invitation without reviewFormId the form marked default, else the newest active one', async () => {
    const forms = '/api/journals/volunteering/review-forms';
    const form = async (title: string, extra: object = {}) =>
      (
        await http()
          .post(forms)
          .set(as('manager'))
          .send({
            titles: { en: title },
            questions: [
              { id: 'originality', kind: 'scale', label: { en: `${title}: originality` } },
            ],
            ...extra,
          })
          .expect(201)
      ).body as { id: string };
    const change = (id: string, body: object) =>
      http().patch(`${forms}/${id}`).set(as('manager')).send(body);
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const journal = await stack.dataSource
      .getRepository(Journal)
      .findOneByOrFail({ slug: 'volunteering' });
    const invited: string[] = [];
    /** Invites a reviewer new to the journal; returns the questions their review asks. */
    const questionsAsked = async (extra: object = {}) => {
      const key = `form-reviewer-${invited.length + 1}`;
      users[key] = await stack.dataSource.getRepository(User).save({
        email: `${key}@peer-review.test`,
        status: 'active',
        emailVerifiedAt: new Date(),
        passwordHash,
        names: { Latn: { given: 'Form', family: `Reviewer ${invited.length + 1}` } },
        preferredLocale: 'en',
      });
      await stack.dataSource
        .getRepository(JournalRole)
        .save({ journalId: journal.id, userId: users[key].id, role: 'reviewer' });
      auth[key] = await signIn(stack, users[key].email);
      const response = await invite(key, extra).expect(201);
      invited.push(response.body.id);
      const view = await http().get(`/api/reviews/${response.body.id}`).set(as(key)).expect(200);
      return (view.body.questions as { label: { en: string } }[]).map((q) => q.label.en);
    };

    const older = await form('Older form');
    const newer = await form('Newer form');
    // Nobody marked a default: the newest active form, not none.
    expect(await questionsAsked()).toEqual(['Newer form: originality']);
    await change(older.id, { isDefault: true }).expect(200);
    expect(await questionsAsked()).toEqual(['Older form: originality']);
    expect(await questionsAsked({ reviewFormId: newer.id })).toEqual(['Newer form: originality']);

    // An inactive form is never offered, so it cannot be the default either (it would unmark the real one).
    const refusedNew = await http()
      .post(forms)
      .set(as('manager'))
      .send({ titles: { en: 'Inactive default' }, questions: [], active: false, isDefault: true });
    expect([refusedNew.status, refusedNew.body.type]).toEqual([
      422,
      'urn:tahkim:problem:inactive-default-form',
    ]);
    const retired = await form('Retired form', { active: false });
    const refused = await change(retired.id, { isDefault: true });
    expect([refused.status, refused.body.type]).toEqual([
      422,
      'urn:tahkim:problem:inactive-default-form',
    ]);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await questionsAsked()).toEqual(['Older form: originality']);

    // Retiring the default falls back to the newest active form; with none active, no questions.
    await change(older.id, { active: false }).expect(200);
    expect(await questionsAsked()).toEqual(['Newer form: originality']);
    await change(newer.id, { active: false }).expect(200);
    expect(await questionsAsked()).toEqual([]);

    // These reviewers were only for the forms: the round goes on without them, unwritten to.
    for (const id of invited)
      await http()
        .post(
          `/api/journals/volunteering/submissions/${submissionId}/review-assignments/${id}/cancel`,
        )
        .set(as('editor'))
        .send({ notify: false })
        .expect(200);
  });

  it('lets a reviewer decline through the email link; the editor is told; the link is then dead', async () => {
    const mail = await stack.mailTo(email('reviewer2'), (m) =>
      /\/reviews\/invitation\?token=/.test(m.text ?? ''),
    );
    const token = tokenIn(mail);
    const shown = await http().post('/api/review-invitations/view').send({ token }).expect(200);
    expect(shown.body.metadata.map((entry: { title: string }) => entry.title)).toContain(
      'Volunteer management in Moroccan associations',
    );
    // The section the submission is in, by its titles alone.
    const [section]: { titles: Record<string, string> }[] = await stack.dataSource.query(
      `SELECT sections.titles FROM sections JOIN submissions ON submissions.section_id = sections.id
        WHERE submissions.id = $1`,
      [submissionId],
    );
    expect(section.titles.en).toBe('Research Articles');
    expect(shown.body.section).toEqual({ titles: section.titles });
    await http()
      .post('/api/review-invitations/decline')
      .send({ token, reason: 'Travelling this month', suggestedReviewer: 'Dr. Someone' })
      .expect(200);
    const editorMail = await stack.mailTo(email('editor'), (m) =>
      /Travelling this month/.test(m.text ?? ''),
    );
    expect(editorMail.text).toContain('Dr. Someone');
    const reused = await http().post('/api/review-invitations/accept').send({ token }).expect(404);
    expect(reused.body.type).toBe('urn:tahkim:problem:invalid-review-link');
  });

  it('shows files only after acceptance, and only the anonymised copy', async () => {
    const before = await http()
      .get(`/api/reviews/${assignments.reviewer1}`)
      .set(as('reviewer1'))
      .expect(200);
    expect(before.body.files).toEqual([]);
    expect(before.body.submission.contributors).toBeNull();
    const mail = await stack.mailTo(email('reviewer1'), (m) =>
      /\/reviews\/invitation\?token=/.test(m.text ?? ''),
    );
    await http()
      .post('/api/review-invitations/accept')
      .send({ token: tokenIn(mail) })
      .expect(200);
    const after = await http()
      .get(`/api/reviews/${assignments.reviewer1}`)
      .set(as('reviewer1'))
      .expect(200);
    expect(after.body.files).toEqual([
      expect.objectContaining({ genre: 'manuscript', name: 'manuscript-v1.docx' }),
    ]);
    const download = await http()
      .get(`/api/reviews/${assignments.reviewer1}/files/${after.body.files[0].id}/content`)
      .set(as('reviewer1'))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(download.headers['content-disposition']).not.toContain('benali');
    const zip = await JSZip.loadAsync(download.body as Buffer);
    for (const name of Object.keys(zip.files)) {
      const text = await zip.file(name)?.async('string');
      expect(text ?? '').not.toContain('Benali');
    }
  });

  it('refuses another reviewer’s assignment, a review without recommendation, and a locked review', async () => {
    await http().get(`/api/reviews/${assignments.reviewer1}`).set(as('reviewer3')).expect(404);
    await http()
      .put(`/api/reviews/${assignments.reviewer1}/review`)
      .set(as('reviewer3'))
      .send({ commentsForAuthor: 'Hijack' })
      .expect(404);
    await http()
      .put(`/api/reviews/${assignments.reviewer1}/review`)
      .set(as('reviewer1'))
      .send({
        commentsForAuthor: 'ROUND1-FOR-AUTHOR: clarify the sample.',
        commentsForEditor: 'ROUND1-CONFIDENTIAL',
      })
      .expect(200);
    const missing = await http()
      .post(`/api/reviews/${assignments.reviewer1}/review/submit`)
      .set(as('reviewer1'))
      .send({})
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('recommendation');
    await http()
      .post(`/api/reviews/${assignments.reviewer1}/review/submit`)
      .set(as('reviewer1'))
      .send({ recommendation: 'major_revisions' })
      .expect(200);
    const locked = await http()
      .put(`/api/reviews/${assignments.reviewer1}/review`)
      .set(as('reviewer1'))
      .send({ commentsForAuthor: 'changed' })
      .expect(409);
    expect(locked.body.type).toBe('urn:tahkim:problem:review-locked');
    await stack.mailTo(
      email('editor'),
      // The editor reads Arabic: «تقرير تحكيم جديد … (الجولة 1)», naming the reviewer.
      (m) =>
        /تقرير تحكيم جديد.*\(الجولة 1\)/.test(m.subject ?? '') &&
        (m.text ?? '').includes(users.reviewer1.names.Arab!.given),
    );
  });

  it('reminds a late reviewer once, across a worker restart, then tells the editor', async () => {
    await http()
      .post(`/api/reviews/${assignments.reviewer3}/accept`)
      .set(as('reviewer3'))
      .expect(200);
    // The review fell due half a day ago.
    await stack.dataSource
      .getRepository(ReviewAssignment)
      .update({ id: assignments.reviewer3 }, { reviewDueAt: new Date(Date.now() - DAY / 2) });
    const reminder = await stack.mailTo(email('reviewer3'), (m) =>
      /review-due-reminder|overdue|late|retard|متأخر/i.test(`${m.subject} ${m.text}`),
    );
    expect(reminder).toBeDefined();
    await stack.worker.close();
    const { worker } = await startWorker(stack.env.config);
    stack.worker = worker;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const keys = await stack.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.dedupe_key LIKE :key', { key: `review-reminder:${assignments.reviewer3}:%` })
      .getMany();
    expect(keys.map((message) => message.dedupeKey)).toEqual([
      expect.stringMatching(/:review:.*:overdue-1$/),
    ]);
    // A day and a half late, with the one reminder spent: the editors take over, once.
    await stack.dataSource
      .getRepository(ReviewAssignment)
      .update({ id: assignments.reviewer3 }, { reviewDueAt: new Date(Date.now() - DAY * 1.5) });
    await eventually(
      async () =>
        (
          await stack.dataSource
            .getRepository(ReviewAssignment)
            .findOneByOrFail({ id: assignments.reviewer3 })
        ).escalatedAt,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await stack.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.dedupe_key LIKE :key', { key: `review-reminder:${assignments.reviewer3}:%` })
      .getCount();
    // The one overdue reminder, then the escalation: nothing else, however often the scan ran.
    expect(after).toBe(2);
    await stack.mailTo(email('editor'), (m) =>
      (m.text ?? '').includes(users.reviewer3.names.Arab!.given),
    );
    await stack.dataSource
      .getRepository(ReviewAssignment)
      .update({ id: assignments.reviewer3 }, { reviewDueAt: new Date(Date.now() + 7 * DAY) });
    await http()
      .post(`/api/reviews/${assignments.reviewer3}/review/submit`)
      .set(as('reviewer3'))
      .send({ recommendation: 'minor_revisions', commentsForAuthor: 'ROUND1-R3: fine overall.' })
      .expect(200);
  });

  it('asks for a new round; the letter carries the reviews for the author, never the confidential comments', async () => {
    await decide({
      decision: 'resubmit_for_review',
      revisionsDueAt: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    const letter = await stack.mailTo(email('author1'), (m) =>
      (m.text ?? '').includes('ROUND1-FOR-AUTHOR'),
    );
    expect(letter.text).toContain('ROUND1-R3');
    expect(mailText(letter)).not.toContain('ROUND1-CONFIDENTIAL');
    const mine = await http()
      .get(`/api/submissions/${submissionId}/decisions`)
      .set(as('author1'))
      .expect(200);
    expect(mine.body.revisionsRequested).toEqual(
      expect.objectContaining({ round: 1, kind: 'new_round' }),
    );
    expect(JSON.stringify(mine.body)).not.toContain('ROUND1-CONFIDENTIAL');
  });

  it('opens round 2 with the revised version and re-invites the earlier reviewers in one action', async () => {
    await http()
      .post(`/api/submissions/${submissionId}/files?genre=manuscript`)
      .set(as('author1'))
      .attach(
        'file',
        await makeDocx({
          author: 'Leila Benali',
          company: 'Université Ibn Tofail',
          body: 'Revised.',
        }),
        'benali-revised.docx',
      )
      .expect(201);
    const revised = await http()
      .post(`/api/submissions/${submissionId}/revisions`)
      .set(as('author1'))
      .send({ response: 'We clarified the sample.' })
      .expect(201);
    expect(revised.body).toEqual({ version: 2, round: 2 });
    await stack.mailTo(
      email('editor'),
      // «نسخة معدّلة من البحث … (الجولة 1)»: the revision answers round 1.
      (m) => /نسخة معدّلة من البحث.*\(الجولة 1\)/.test(m.subject ?? ''),
    );
    const again = await http()
      .post(`/api/journals/volunteering/submissions/${submissionId}/review-assignments/reinvite`)
      .set(as('editor'))
      .send({})
      .expect(201);
    expect(again.body.map((a: { reviewerId: string }) => a.reviewerId).sort()).toEqual(
      [users.reviewer1.id, users.reviewer3.id].sort(),
    );
    for (const assignment of again.body as { id: string; reviewerId: string }[]) {
      const key = assignment.reviewerId === users.reviewer1.id ? 'reviewer1' : 'reviewer3';
      await http().post(`/api/reviews/${assignment.id}/accept`).set(as(key)).expect(200);
      const view = await http().get(`/api/reviews/${assignment.id}`).set(as(key)).expect(200);
      expect(view.body.assignment.round).toBe(2);
      expect(view.body.files).toEqual([expect.objectContaining({ name: 'manuscript-v2.docx' })]);
      await http()
        .post(`/api/reviews/${assignment.id}/review/submit`)
        .set(as(key))
        .send({ recommendation: 'accept', commentsForAuthor: `ROUND2-${key}` })
        .expect(200);
      assignments[`${key}-2`] = assignment.id;
    }
  });

  it('lets only one of two simultaneous decisions through (409 for the other)', async () => {
    const version = await lockVersion();
    const send = () =>
      http()
        .post(`/api/journals/volunteering/submissions/${submissionId}/decisions`)
        .set(as('editor'))
        .send({ lockVersion: version, decision: 'accept' });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const view = await http()
      .get(`/api/journals/volunteering/submissions/${submissionId}`)
      .set(as('editor'))
      .expect(200);
    expect(view.body.submission.stage).toBe('copyediting');
    const decisions = await http()
      .get(`/api/submissions/${submissionId}/decisions`)
      .set(as('author1'))
      .expect(200);
    expect(decisions.body.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'send_to_review',
      'resubmit_for_review',
      'accept',
    ]);
  });

  it('never shows an author’s identity to reviewers, nor a reviewer’s to the author (routes and emails)', async () => {
    const authorIds = identityStrings(users.author1);
    const reviewerIds = ['reviewer1', 'reviewer2', 'reviewer3'].flatMap((key) =>
      identityStrings(users[key]),
    );
    const document = await http().get('/api/docs-json').expect(200);
    const paths = Object.entries(document.body.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    const reviewerPaths = paths.filter((path) => path.startsWith('/api/reviews'));
    const authorPaths = paths.filter((path) => path.startsWith('/api/submissions'));
    expect(reviewerPaths.length).toBeGreaterThanOrEqual(4);
    expect(authorPaths.length).toBeGreaterThanOrEqual(4);

    const bodyOf = async (path: string, who: string): Promise<string | null> => {
      const response = await http().get(path).set(as(who)).buffer(true).parse(binaryBody);
      if (response.status !== 200) return null;
      const raw = response.body as Buffer;
      let text = raw.toString('utf8') + JSON.stringify(response.headers);
      if (raw.subarray(0, 2).toString() === 'PK') {
        const zip = await JSZip.loadAsync(raw);
        for (const name of Object.keys(zip.files))
          text += (await zip.file(name)?.async('string')) ?? '';
      }
      return text;
    };

    let reviewerChecked = 0;
    for (const [key, assignment] of Object.entries(assignments)) {
      const reviewer = key.split('-')[0];
      const view = await http().get(`/api/reviews/${assignment}`).set(as(reviewer));
      const fileIds: string[] = (view.body.files ?? []).map((file: { id: string }) => file.id);
      for (const template of reviewerPaths) {
        for (const fileId of template.includes('{fileId}') ? fileIds : ['-']) {
          const path = template.replace('{assignmentId}', assignment).replace('{fileId}', fileId);
          const text = await bodyOf(path, reviewer);
          if (text === null) continue;
          reviewerChecked += 1;
          expect({ path, leaked: leaks(text, authorIds) }).toEqual({ path, leaked: [] });
        }
      }
    }
    expect(reviewerChecked).toBeGreaterThanOrEqual(6);

    const decisions = await http()
      .get(`/api/submissions/${submissionId}/decisions`)
      .set(as('author1'));
    const sharedFiles: string[] = decisions.body.decisions.flatMap(
      (d: { reviews: { files: { id: string }[] }[] }) =>
        d.reviews.flatMap((review) => review.files.map((file) => file.id)),
    );
    const ownFiles = (
      await http().get(`/api/submissions/${submissionId}`).set(as('author1'))
    ).body.files.map((file: { id: string }) => file.id);
    let authorChecked = 0;
    for (const template of authorPaths) {
      const fileIds = template.includes('review-files')
        ? sharedFiles
        : template.includes('{fileId}')
          ? ownFiles
          : ['-'];
      for (const fileId of fileIds) {
        const path = template.replace('{id}', submissionId).replace('{fileId}', fileId);
        const text = await bodyOf(path, 'author1');
        if (text === null) continue;
        authorChecked += 1;
        expect({ path, leaked: leaks(text, reviewerIds) }).toEqual({ path, leaked: [] });
      }
    }
    expect(authorChecked).toBeGreaterThanOrEqual(4);

    // Every email: to reviewers, nothing of the author; to the author, nothing of the reviewers.
    const to = (mail: ParsedMail) =>
      Array.isArray(mail.to) ? '' : (mail.to?.value[0]?.address ?? '');
    const reviewerMails = stack.smtp.messages.filter((mail) => /^reviewer[123]@/.test(to(mail)));
    const authorMails = stack.smtp.messages.filter((mail) => to(mail) === email('author1'));
    expect(reviewerMails.length).toBeGreaterThanOrEqual(8);
    expect(authorMails.length).toBeGreaterThanOrEqual(3);
    for (const mail of reviewerMails)
      expect({ subject: mail.subject, leaked: leaks(mailText(mail), authorIds) }).toEqual({
        subject: mail.subject,
        leaked: [],
      });
    for (const mail of authorMails)
      expect({ subject: mail.subject, leaked: leaks(mailText(mail), reviewerIds) }).toEqual({
        subject: mail.subject,
        leaked: [],
      });
  });
});
