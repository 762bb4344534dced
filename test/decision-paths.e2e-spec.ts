import type { ParsedMail } from 'mailparser';
import type { Response } from 'supertest';
import { JournalRole } from '../src/access/journal-role.entity';
import { PasswordHasher } from '../src/accounts/password-hasher.service';
import { User } from '../src/accounts/user.entity';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { Section } from '../src/journals/section.entity';
import { makeMarkdown } from './support/manuscripts';
import { type Stack, startStack } from './support/api-with-worker';
import { givenFor } from './support/given';
import { signIn } from './support/sign-in';

const JOURNAL = '/api/journals/volunteering';
const DAY = 86_400_000;
const STAFF = ['editor', 'manager', 'section.field', 'section.policy'];
const REVIEWERS = ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4'];
const AUTHORS = ['author1', 'author2', 'author3'];
const email = (key: string) => `${key}@volunteering.example.org`;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Submitted {
  id: string;
  number: string;
}
interface Round {
  number: number;
  fileVersion: number;
  status: string;
  assignments: { reviewerId: string; state: string }[];
}

/** Every string that would identify a person: names in each script, email, affiliation. */
function identityStrings(user: User): string[] {
  const names = Object.values(user.names).flatMap((name) =>
    name ? [[name.given, name.family].filter(Boolean).join(' '), name.family ?? ''] : [],
  );
  return [...names, user.email, user.affiliation ?? ''].filter((value) => value.length >= 4);
}

/** All of an email its recipient can see: headers that name people, subject, both bodies. */
function mailText(mail: ParsedMail): string {
  const addresses = [mail.from, mail.replyTo, mail.cc, mail.bcc]
    .flatMap((field) => (field ? (Array.isArray(field) ? field : [field]) : []))
    .map((field) => field.text);
  return [...addresses, mail.subject ?? '', mail.text ?? '', String(mail.html || '')].join('\n');
}

/** An RFC 9457 answer with this status (and problem type, when the app names one). */
function expectProblem(response: Response, status: number, type?: string) {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { status, ...(type ? { type: `urn:tahkim:problem:${type}` } : {}) },
  });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/**
 * Issue #7: one submission per path through the decision state machine (stage-transitions.ts),
 * driven over HTTP with the worker delivering the letters to a real SMTP server; concurrent
 * decisions; and every kind of bad input, each refused with a clear 4xx and nothing changed.
 */
describe('decisions: every path of the state machine', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  const users: Record<string, User> = {};
  const sections: Record<string, string> = {};

  const http = () => stack.http();
  const as = (key: string) => ({ Authorization: auth[key] });

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    for (const key of [...STAFF, ...REVIEWERS, ...AUTHORS]) {
      auth[key] = await signIn(stack, key);
      users[key] = await stack.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: email(key) });
    }
    for (const section of await stack.dataSource.getRepository(Section).find())
      sections[section.titles.en!] = section.id;
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  // --- helpers ---------------------------------------------------------------------------------

  const upload = (author: string, id: string, body: string) =>
    http()
      .post(`/api/submissions/${id}/files?genre=manuscript`)
      .set(as(author))
      .attach('file', makeMarkdown({ author: 'Anonymous', title: 'Manuscript', body }), 'm.md')
      .expect(201);

  /** Draft → metadata → (contributors) → manuscript → agreement → submit, as `author`. */
  const submitted = (
    author: string,
    title: string,
    options: { section?: string; locale?: 'ar' | 'en' | 'fr'; coAuthor?: string } = {},
  ): Promise<Submitted> => givenFor(stack, auth).submittedSubmission(author, { title, ...options });

  /** What a refused decision must leave alone: the stage, the lock version, the decisions. */
  async function snapshot(id: string) {
    const [row]: { stage: string; lock_version: number; decisions: number }[] =
      await stack.dataSource.query(
        `SELECT s.stage, s.lock_version,
                (SELECT count(*)::int FROM decisions d WHERE d.submission_id = s.id) AS decisions
           FROM submissions s WHERE s.id = $1`,
        [id],
      );
    return { stage: row.stage, lockVersion: row.lock_version, decisions: row.decisions };
  }

  /** Posts a decision with the current lockVersion (unless the body gives one). */
  const decide = async (id: string, body: object, who = 'editor'): Promise<Response> =>
    http()
      .post(`${JOURNAL}/submissions/${id}/decisions`)
      .set(as(who))
      .send({ lockVersion: (await snapshot(id)).lockVersion, ...body });

  /** A decision that must be taken (201); returns the decision recorded. */
  async function decided(id: string, body: object, who = 'editor') {
    const response = await decide(id, body, who);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as Record<string, string | null>;
  }

  /** A decision that must be refused as `expected` (e.g. "409 decision-not-allowed"), changing nothing. */
  async function refused(id: string, body: object, expected: string, who = 'editor') {
    const [status, type] = expected.split(' ');
    const before = await snapshot(id);
    const response = await decide(id, body, who);
    expectProblem(response, Number(status), type);
    expect(await snapshot(id)).toEqual(before);
    return response;
  }

  const authorPage = async (id: string, author: string) =>
    (await http().get(`/api/submissions/${id}`).set(as(author)).expect(200)).body;

  const expectStage = async (id: string, author: string, stage: string) =>
    expect((await authorPage(id, author)).submission.stage).toBe(stage);

  const authorDecisions = async (id: string, author: string) =>
    (await http().get(`/api/submissions/${id}/decisions`).set(as(author)).expect(200)).body;

  const decisionKinds = (body: { decisions: { decision: string }[] }) =>
    body.decisions.map((decision) => decision.decision);

  const rounds = async (id: string, who = 'editor'): Promise<Round[]> =>
    (await http().get(`${JOURNAL}/submissions/${id}/review-rounds`).set(as(who)).expect(200)).body;

  /** Invites `reviewer`, who accepts through the email's link; with `review`, submits it too. */
  async function reviewBy(
    submission: Submitted,
    reviewer: string,
    review: [recommendation: string, forAuthor: string, forEditor: string] | null,
    editor = 'editor',
  ): Promise<void> {
    const given = givenFor(stack, auth);
    const assignment = await given.reviewerAccepted(submission, reviewer, editor);
    if (!review) return;
    const [recommendation, commentsForAuthor, commentsForEditor] = review;
    await given.reviewed(assignment, reviewer, {
      recommendation,
      commentsForAuthor,
      commentsForEditor,
    });
  }

  /** The author uploads the next manuscript version and sends it with a response. */
  async function revise(id: string, author: string, body: string) {
    await upload(author, id, body);
    const response = await http()
      .post(`/api/submissions/${id}/revisions`)
      .set(as(author))
      .send({ response: `Response to the reviewers: ${body}` })
      .expect(201);
    return response.body as { version: number; round: number };
  }

  /** The email carrying the author's latest letter of this kind (matched by its subject). */
  async function letterOf(id: string, author: string, kind: string): Promise<ParsedMail> {
    const { decisions } = await authorDecisions(id, author);
    const decision = decisions.filter((d: { decision: string }) => d.decision === kind).at(-1);
    expect(decision?.letter?.subject).toEqual(expect.any(String));
    return stack.mailTo(email(author), (m) => m.subject === decision.letter.subject);
  }

  /**
   * The letter carries each shared review under its label, in order, with the comments for the
   * author; never the confidential comments, nor anything naming a reviewer.
   */
  function expectAnonymisedReviews(
    mail: ParsedMail,
    shared: [label: string, forAuthor: string][],
    secrets: string[],
  ) {
    const text = mail.text ?? '';
    let at = -1;
    for (const [label, forAuthor] of shared) {
      const labelAt = text.indexOf(label, at + 1);
      expect({ label, found: labelAt > at }).toEqual({ label, found: true });
      at = text.indexOf(forAuthor, labelAt);
      expect({ forAuthor, found: at > labelAt }).toEqual({ forAuthor, found: true });
    }
    const everything = mailText(mail);
    const reviewers = REVIEWERS.flatMap((key) => identityStrings(users[key]));
    expect([...secrets, ...reviewers].filter((secret) => everything.includes(secret))).toEqual([]);
  }

  // --- (a) ---------------------------------------------------------------------------------------

  describe('(a) desk rejection', () => {
    let submission: Submitted;

    beforeAll(async () => {
      submission = await submitted('author2', 'Bénévolat rural', {
        section: 'Field Reports',
        locale: 'fr',
      });
    });

    it('declines without review: declined, a letter in French with no reviews, no round', async () => {
      expect(await decided(submission.id, { decision: 'decline_without_review' })).toMatchObject({
        kind: 'decline_without_review',
        stageBefore: 'submitted',
        stageAfter: 'declined',
      });
      await expectStage(submission.id, 'author2', 'declined');
      const letter = await letterOf(submission.id, 'author2', 'decline_without_review');
      expect(letter.subject).toContain(submission.number);
      expect(mailText(letter)).not.toMatch(/Évaluateur|Reviewer|المحكّم/);
      expect(decisionKinds(await authorDecisions(submission.id, 'author2'))).toEqual([
        'decline_without_review',
      ]);
      expect(await rounds(submission.id)).toEqual([]);
    });

    it('takes nothing further but a revert; the author can no longer withdraw', async () => {
      for (const decision of ['send_to_review', 'decline_without_review', 'accept'])
        await refused(submission.id, { decision, reason: 'Because the editor says so.' }, '409');
      await http()
        .post(`/api/submissions/${submission.id}/withdraw`)
        .set(as('author2'))
        .send({ reason: 'Too late for this.' })
        .expect(409);
      expect((await snapshot(submission.id)).stage).toBe('declined');
    });

    it('reverts a desk rejection back to submitted, the stage it came from', async () => {
      expect(await decided(submission.id, { decision: 'revert_decline' })).toMatchObject({
        stageBefore: 'declined',
        stageAfter: 'submitted',
      });
      await expectStage(submission.id, 'author2', 'submitted');
      await letterOf(submission.id, 'author2', 'revert_decline');
      expect(await rounds(submission.id)).toEqual([]);
    });
  });

  // --- (b) ---------------------------------------------------------------------------------------

  describe('(b) review → revisions → new round → accept → copyediting → production', () => {
    let submission: Submitted;
    const secrets = ['B1-R1-CONFIDENTIAL', 'B1-R2-CONFIDENTIAL', 'B2-R1-CONFIDENTIAL'];
    const round1: [string, string][] = [
      ['المحكّم (أ)', 'B1-R1-FOR-AUTHOR: clarify the sample.'],
      ['المحكّم (ب)', 'B1-R2-FOR-AUTHOR: expand the discussion.'],
    ];

    beforeAll(async () => {
      submission = await submitted('author1', 'إدارة المتطوعين في الجمعيات');
    });

    it('sends to review, opening round 1 on version 1', async () => {
      await decided(submission.id, { decision: 'send_to_review' });
      await expectStage(submission.id, 'author1', 'review');
      await letterOf(submission.id, 'author1', 'send_to_review');
      expect(await rounds(submission.id)).toEqual([
        expect.objectContaining({ number: 1, fileVersion: 1, status: 'in_review' }),
      ]);
    });

    it('requests revisions after two reviews: the letter shares them labelled, nothing confidential', async () => {
      await reviewBy(submission, 'reviewer1', ['minor_revisions', round1[0][1], secrets[0]]);
      await reviewBy(submission, 'reviewer2', ['major_revisions', round1[1][1], secrets[1]]);
      await decided(submission.id, {
        decision: 'request_revisions',
        revisionKind: 'minor',
        revisionsDueAt: inDays(30),
      });
      const page = await authorPage(submission.id, 'author1');
      expect(page.submission.stage).toBe('review');
      expect(page.tasks).toEqual([expect.stringMatching(/^revisions:/)]);
      const letter = await letterOf(submission.id, 'author1', 'request_revisions');
      expectAnonymisedReviews(letter, round1, secrets);
      const mine = await authorDecisions(submission.id, 'author1');
      expect(mine.revisionsRequested).toMatchObject({ round: 1, kind: 'minor' });
      expect(mine.decisions.at(-1).reviews.map((r: { label: string }) => r.label)).toEqual(
        round1.map(([label]) => label),
      );
      const json = JSON.stringify(mine);
      expect(secrets.filter((secret) => json.includes(secret))).toEqual([]);
    });

    it('takes the author’s version 2 back into the same round', async () => {
      expect(await revise(submission.id, 'author1', 'Revised once.')).toEqual({
        version: 2,
        round: 1,
      });
      await expectStage(submission.id, 'author1', 'review');
      expect(await rounds(submission.id)).toEqual([
        expect.objectContaining({ number: 1, status: 'revisions_submitted' }),
      ]);
    });

    it('asks to resubmit for review, sharing the round’s reviews again', async () => {
      const revisionsDueAt = inDays(45);
      await decided(submission.id, { decision: 'resubmit_for_review', revisionsDueAt });
      await expectStage(submission.id, 'author1', 'review');
      const letter = await letterOf(submission.id, 'author1', 'resubmit_for_review');
      expectAnonymisedReviews(letter, round1, secrets);
      expect((await authorDecisions(submission.id, 'author1')).revisionsRequested).toEqual({
        round: 1,
        kind: 'new_round',
        dueAt: revisionsDueAt,
      });
    });

    it('opens round 2 with the author’s revised version 3', async () => {
      expect(await revise(submission.id, 'author1', 'Revised twice.')).toEqual({
        version: 3,
        round: 2,
      });
      await expectStage(submission.id, 'author1', 'review');
      expect(await rounds(submission.id)).toEqual([
        expect.objectContaining({ number: 2, fileVersion: 3, status: 'in_review' }),
        expect.objectContaining({ number: 1, fileVersion: 1, status: 'closed' }),
      ]);
      const files = (await authorPage(submission.id, 'author1')).files as { version: number }[];
      expect(files.map((file) => file.version)).toEqual([1, 2, 3]);
    });

    it('accepts after round 2’s reviews: copyediting, a letter with round 2’s reviews only', async () => {
      const [r1, r3] = ['B2-R1-FOR-AUTHOR: ready.', 'B2-R3-FOR-AUTHOR: well done.'];
      await reviewBy(submission, 'reviewer1', ['accept', r1, secrets[2]]);
      await reviewBy(submission, 'reviewer3', ['accept', r3, 'B2-R3-CONFIDENTIAL']);
      await decided(submission.id, { decision: 'accept' });
      await expectStage(submission.id, 'author1', 'copyediting');
      expectAnonymisedReviews(
        await letterOf(submission.id, 'author1', 'accept'),
        [
          ['المحكّم (أ)', r1],
          ['المحكّم (ب)', r3],
        ],
        [...secrets, 'B2-R3-CONFIDENTIAL', 'B1-R1-FOR-AUTHOR', 'B1-R2-FOR-AUTHOR'],
      );
      expect((await rounds(submission.id))[0]).toMatchObject({ number: 2, status: 'closed' });
    });

    it('sends to production, without a letter', async () => {
      await refused(submission.id, { decision: 'accept' }, '409 decision-not-allowed');
      await decided(submission.id, { decision: 'send_to_production' });
      await expectStage(submission.id, 'author1', 'production');
      const mine = await authorDecisions(submission.id, 'author1');
      expect(mine.decisions.at(-1)).toMatchObject({ decision: 'send_to_production', letter: null });
    });

    it('lists the decisions in order for the author, and the history in order for the editors', async () => {
      const mine = await authorDecisions(submission.id, 'author1');
      expect(
        mine.decisions.map((d: { decision: string; round: number | null }) => [
          d.decision,
          d.round,
        ]),
      ).toEqual([
        // Sending to review comes before any round; the others belong to the round they end.
        ['send_to_review', null],
        ['request_revisions', 1],
        ['resubmit_for_review', 1],
        ['accept', 2],
        ['send_to_production', 2],
      ]);
      const view = await http()
        .get(`${JOURNAL}/submissions/${submission.id}`)
        .set(as('editor'))
        .expect(200);
      const history = (view.body.events as { kind: string; data: Record<string, unknown> }[])
        .filter((event) => ['decision', 'revision_submitted'].includes(event.kind))
        .map((event) =>
          event.kind === 'decision'
            ? `${String(event.data.decision)} → ${String(event.data.stage)}`
            : `revision v${String(event.data.version)}`,
        );
      expect(history).toEqual([
        'send_to_review → review',
        'request_revisions → review',
        'revision v2',
        'resubmit_for_review → review',
        'revision v3',
        'accept → copyediting',
        'send_to_production → production',
      ]);
    });
  });

  // --- (c) ---------------------------------------------------------------------------------------

  describe('(c) decline after review, reverted back to review (by the section editor)', () => {
    let submission: Submitted;
    const secrets = ['C-R2-CONFIDENTIAL'];
    const forAuthor = 'C-R2-FOR-AUTHOR: the data do not support the claims.';
    const decidedHere = (body: object) => decided(submission.id, body, 'section.policy');

    beforeAll(async () => {
      submission = await submitted('author3', 'Volunteer governance in Bahrain', {
        section: 'Policy and Governance',
        locale: 'en',
      });
      await decidedHere({ decision: 'send_to_review' });
    });

    it('declines after one review: the open review is released, the letter is anonymised', async () => {
      await reviewBy(submission, 'reviewer2', ['decline', forAuthor, secrets[0]], 'section.policy');
      await reviewBy(submission, 'reviewer4', null, 'section.policy');
      expect(await decidedHere({ decision: 'decline' })).toMatchObject({
        stageBefore: 'review',
        stageAfter: 'declined',
      });
      await expectStage(submission.id, 'author3', 'declined');
      const letter = await letterOf(submission.id, 'author3', 'decline');
      expectAnonymisedReviews(letter, [['Reviewer A', forAuthor]], secrets);
      const [round] = await rounds(submission.id, 'section.policy');
      expect(round.status).toBe('closed');
      const states = round.assignments.map((a) => [a.reviewerId, a.state]);
      expect(states).toEqual(
        expect.arrayContaining([
          [users.reviewer2.id, 'completed'],
          [users.reviewer4.id, 'cancelled'],
        ]),
      );
      await stack.mailTo(email('reviewer4'), (m) => (m.subject ?? '').includes(submission.number));
    });

    it('reverts the decline: back in review, the round reopened, the author told', async () => {
      expect(await decidedHere({ decision: 'revert_decline' })).toMatchObject({
        stageBefore: 'declined',
        stageAfter: 'review',
      });
      await expectStage(submission.id, 'author3', 'review');
      expect(await rounds(submission.id)).toEqual([
        expect.objectContaining({ number: 1, status: 'in_review' }),
      ]);
      await letterOf(submission.id, 'author3', 'revert_decline');
      expect(decisionKinds(await authorDecisions(submission.id, 'author3'))).toEqual([
        'send_to_review',
        'decline',
        'revert_decline',
      ]);
    });

    it('accepts with fewer reviews than the minimum only with a stated reason', async () => {
      // The journal asks for two completed reviews per round (the default); this one has one.
      for (const reason of [undefined, ' '.repeat(12)])
        await refused(
          submission.id,
          { decision: 'accept', reason },
          '422 too-few-reviews',
          'section.policy',
        );
      await refused(submission.id, { decision: 'accept', reason: 'Short.' }, '400');
      const reason = 'The second reviewer withdrew; the one review is thorough.';
      expect(await decidedHere({ decision: 'accept', reason })).toMatchObject({
        stageAfter: 'copyediting',
        reason,
      });
      await expectStage(submission.id, 'author3', 'copyediting');
      const letter = await letterOf(submission.id, 'author3', 'accept');
      expectAnonymisedReviews(letter, [['Reviewer A', forAuthor]], secrets);
    });
  });

  // --- concurrency -------------------------------------------------------------------------------

  describe('two editors deciding at once', () => {
    /** Two decisions posted together with the same lockVersion: exactly one gets through. */
    async function race(id: string, contenders: [who: string, decision: string][]) {
      const { lockVersion } = await snapshot(id);
      const responses = await Promise.all(
        contenders.map(([who, decision]) =>
          http()
            .post(`${JOURNAL}/submissions/${id}/decisions`)
            .set(as(who))
            .send({ lockVersion, decision }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expectProblem(
        responses.find((response) => response.status === 409)!,
        409,
      );
      return { lockVersion, winner: responses.find((response) => response.status === 201)! };
    }

    it('lets one of two simultaneous desk rejections through: one decision, one letter', async () => {
      const { id, number } = await submitted('author3', 'Two editors at once', { locale: 'en' });
      const { lockVersion } = await race(id, [
        ['editor', 'decline_without_review'],
        ['manager', 'decline_without_review'],
      ]);
      expect(await snapshot(id)).toEqual({
        stage: 'declined',
        lockVersion: lockVersion + 1,
        decisions: 1,
      });
      const [letters]: { n: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_messages
          WHERE template = 'decision-letter' AND payload->>'submissionNumber' = $1`,
        [number],
      );
      expect(letters.n).toBe(1);
    });

    it('lets one of two different decisions through, with only the winner’s effects', async () => {
      const { id } = await submitted('author3', 'Review or reject', { locale: 'en' });
      const { winner } = await race(id, [
        ['editor', 'send_to_review'],
        ['manager', 'decline_without_review'],
      ]);
      const stage = winner.body.stageAfter as string;
      expect(await snapshot(id)).toMatchObject({ stage, decisions: 1 });
      expect(await rounds(id)).toHaveLength(stage === 'review' ? 1 : 0);
    });
  });

  // --- bad input ---------------------------------------------------------------------------------

  describe('bad input: a clear 4xx, and nothing changed', () => {
    let submission: Submitted;
    const notAllowed = '409 decision-not-allowed';

    beforeAll(async () => {
      submission = await submitted('author1', 'دراسة في العمل الأهلي');
    });

    it('refuses decisions out of order on a submitted manuscript (problem+json)', async () => {
      const revisionsDueAt = inDays(30);
      for (const decision of [
        'request_revisions',
        'resubmit_for_review',
        'decline',
        'revert_decline',
        'send_to_production',
      ]) {
        const wrong = await refused(submission.id, { decision, revisionsDueAt }, notAllowed);
        expect(wrong.body.detail).toContain('possible: decline_without_review, send_to_review');
      }
      // The table lets an editor accept without review, but never silently short of reviews.
      await refused(submission.id, { decision: 'accept' }, '422 too-few-reviews');
    });

    it('refuses decisions out of order in review', async () => {
      await decided(submission.id, { decision: 'send_to_review' });
      for (const decision of [
        'send_to_production',
        'send_to_review',
        'decline_without_review',
        'revert_decline',
      ])
        await refused(submission.id, { decision }, notAllowed);
    });

    it('refuses revisions without a future due date', async () => {
      await reviewBy(submission, 'reviewer3', ['major_revisions', 'BAD-FOR-AUTHOR', 'BAD-SECRET']);
      for (const decision of ['request_revisions', 'resubmit_for_review'])
        for (const revisionsDueAt of [undefined, inDays(-1)])
          await refused(submission.id, { decision, revisionsDueAt }, '422 revisions-due-date');
      await refused(
        submission.id,
        { decision: 'request_revisions', revisionsDueAt: 'soon' },
        '400',
      );
    });

    it('refuses malformed decisions with the fields named', async () => {
      const unknown = await refused(submission.id, { decision: 'publish' }, '400');
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'decision' })]);
      await refused(submission.id, { decision: 'decline', lockVersion: 0 }, '400');
      await refused(submission.id, { decision: 'decline', stage: 'published' }, '400');
    });

    it('refuses people without an editorial role (403), and other sections’ editors (404)', async () => {
      for (const who of ['author1', 'reviewer1', 'reviewer3', 'author2'])
        await refused(submission.id, { decision: 'decline' }, '403', who);
      await refused(submission.id, { decision: 'decline' }, '404', 'section.field');
    });

    it('refuses a stale lockVersion with 409', async () => {
      const { lockVersion } = await snapshot(submission.id);
      for (const stale of [lockVersion - 1, lockVersion + 1])
        await refused(
          submission.id,
          { decision: 'decline', lockVersion: stale },
          '409 stale-submission',
        );
    });

    it('refuses decisions once the author has withdrawn (in review)', async () => {
      await http()
        .post(`/api/submissions/${submission.id}/withdraw`)
        .set(as('author1'))
        .send({ reason: 'Submitted elsewhere.' })
        .expect(200);
      const reason = 'Whatever the editor thinks.';
      for (const decision of ['decline', 'accept', 'decline_without_review', 'revert_decline'])
        await refused(submission.id, { decision, reason }, notAllowed);
      expect(await snapshot(submission.id)).toMatchObject({ stage: 'withdrawn', decisions: 1 });
    });

    it('refuses decisions on a submission withdrawn before any decision', async () => {
      const early = await submitted('author2', 'Retrait rapide', {
        section: 'Field Reports',
        locale: 'fr',
      });
      await http()
        .post(`/api/submissions/${early.id}/withdraw`)
        .set(as('author2'))
        .send({ reason: 'Une erreur de fichier.' })
        .expect(200);
      for (const decision of ['send_to_review', 'decline_without_review'])
        await refused(early.id, { decision }, notAllowed);
      expect(await snapshot(early.id)).toMatchObject({ stage: 'withdrawn', decisions: 0 });
    });

    it('lets nobody decide on a submission they submitted: the editor gets 404, the manager decides', async () => {
      const own = await submitted('editor', 'بحث رئيس التحرير');
      await refused(own.id, { decision: 'send_to_review' }, '404', 'editor');
      await http().get(`${JOURNAL}/submissions/${own.id}`).set(as('editor')).expect(404);
      await decided(own.id, { decision: 'send_to_review' }, 'manager');
      expect((await snapshot(own.id)).stage).toBe('review');
    });

    it('lets nobody decide on a submission they co-authored either', async () => {
      const coAuthored = await submitted('author1', 'بحث مشترك مع المحرر', { coAuthor: 'editor' });
      await refused(coAuthored.id, { decision: 'send_to_review' }, '404', 'editor');
      await decided(coAuthored.id, { decision: 'send_to_review' }, 'manager');
    });
  });

  // --- (d) ---------------------------------------------------------------------------------------

  describe('(d) minor or major revisions: the prefilled letter says which, in the author’s language', () => {
    const WORDING = [
      ['author1', 'ar', 'تعديلات طفيفة', 'تعديلات جوهرية'],
      ['author2', 'fr', 'révisions mineures', 'révisions majeures'],
      ['author3', 'en', 'after minor revisions', 'after major revisions'],
    ] as const;

    it.each(WORDING)(
      'as %s reads it (%s): the draft and the letter sent for minor revisions say minor',
      async (author, locale, minor, major) => {
        const submission = await submitted(author, `Minor or major (${locale})`, { locale });
        await decided(submission.id, { decision: 'send_to_review' });
        const draft = async (query: string) =>
          (
            await http()
              .get(
                `${JOURNAL}/submissions/${submission.id}/decision-draft?decision=request_revisions${query}`,
              )
              .set(as('editor'))
              .expect(200)
          ).body as { locale: string; letter: { subject: string; body: string } };

        const forMinor = await draft('&revisionKind=minor');
        expect(forMinor.locale).toBe(locale);
        expect(forMinor.letter.body).toContain(minor);
        expect(forMinor.letter.body).not.toContain(major);
        for (const forMajor of [await draft('&revisionKind=major'), await draft('')]) {
          expect(forMajor.letter.body).toContain(major);
          expect(forMajor.letter.body).not.toContain(minor);
        }
        const wrong = await http()
          .get(
            `${JOURNAL}/submissions/${submission.id}/decision-draft?decision=request_revisions&revisionKind=small`,
          )
          .set(as('editor'));
        expectProblem(wrong, 400, 'validation-error');

        // The decision taken without a letter of its own sends the same wording.
        await decided(submission.id, {
          decision: 'request_revisions',
          revisionKind: 'minor',
          revisionsDueAt: inDays(20),
        });
        const sent = await letterOf(submission.id, author, 'request_revisions');
        expect(sent.text).toContain(minor);
        expect(sent.text).not.toContain(major);
        const { decisions } = await authorDecisions(submission.id, author);
        expect(decisions.at(-1).letter.body).toContain(minor);
      },
    );
  });

  // --- capacity ----------------------------------------------------------------------------------

  describe('inviting a reviewer at capacity or unavailable', () => {
    const KEY = 'reviewer5';
    const inReview: Submitted[] = [];

    const invite = (submission: Submitted, reviewer: string, extra: object = {}) =>
      http()
        .post(`${JOURNAL}/submissions/${submission.id}/review-assignments`)
        .set(as('editor'))
        .send({ reviewerId: users[reviewer].id, ...extra });

    const assignmentOf = (submission: Submitted, reviewer: string) =>
      stack.dataSource.query(
        'SELECT id, round_id FROM review_assignments WHERE submission_id = $1 AND reviewer_id = $2',
        [submission.id, users[reviewer].id],
      ) as Promise<{ id: string; round_id: string }[]>;

    const invitationsTo = async (reviewer: string) =>
      (
        (await stack.dataSource.query(
          `SELECT count(*)::int AS n FROM outbox_messages
            WHERE template = 'review-invitation' AND recipient_email = $1`,
          [email(reviewer)],
        )) as { n: number }[]
      )[0].n;

    /** The audit record of an invitation, as the journal's manager reads it. */
    const auditOf = async (assignmentId: string) => {
      const events = await http()
        .get(`${JOURNAL}/audit-events?objectType=review_assignment&objectId=${assignmentId}`)
        .set(as('manager'))
        .expect(200);
      expect(events.body.items).toHaveLength(1);
      return events.body.items[0] as { action: string; after: Record<string, unknown> };
    };

    beforeAll(async () => {
      // A reviewer of the journal with the profile's default maximum: 3 open reviews.
      const reviewer = await stack.dataSource.getRepository(User).save({
        email: email(KEY),
        status: 'active',
        emailVerifiedAt: new Date(),
        passwordHash: await new PasswordHasher().hash(DEMO_PASSWORD),
        names: { Latn: { given: 'Nadia', family: 'Capacity' } },
        preferredLocale: 'en',
      });
      expect(reviewer.maxConcurrentReviews).toBe(3);
      const [journal]: { id: string }[] = await stack.dataSource.query(
        `SELECT id FROM journals WHERE slug = 'volunteering'`,
      );
      await stack.dataSource
        .getRepository(JournalRole)
        .save({ journalId: journal.id, userId: reviewer.id, role: 'reviewer' });
      auth[KEY] = await signIn(stack, KEY);
      users[KEY] = reviewer;
      for (const n of [0, 1, 2, 3, 4]) {
        const submission = await submitted('author3', `Capacity ${n}`, { locale: 'en' });
        await decided(submission.id, { decision: 'send_to_review' });
        inReview.push(submission);
      }
      // Submission 0: reviewed once (a completed review is no load), then back for a new round.
      await reviewBy(inReview[0], KEY, ['major_revisions', 'CAP-FOR-AUTHOR', 'CAP-SECRET']);
      await decided(inReview[0].id, {
        decision: 'resubmit_for_review',
        revisionsDueAt: inDays(30),
      });
      await revise(inReview[0].id, 'author3', 'Revised for round 2.');
    }, 120_000);

    it('of two invitations at once for the last place, lets one through and refuses the other (409)', async () => {
      for (const submission of inReview.slice(1, 3)) await invite(submission, KEY).expect(201);
      const racing = inReview.slice(3, 5);
      const responses = await Promise.all(racing.map((submission) => invite(submission, KEY)));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      const refusedAt = responses.findIndex((response) => response.status === 409);
      const refusal = responses[refusedAt];
      expectProblem(refusal, 409, 'reviewer-at-capacity');
      expect(refusal.body.detail).toContain('has 3 open reviews of the 3 they accept');
      expect(refusal.body).toMatchObject({
        reviewerId: users[KEY].id,
        openReviews: 3,
        maxReviews: 3,
      });
      // Nothing of the refused invitation: no assignment, no email.
      expect(await assignmentOf(racing[refusedAt], KEY)).toEqual([]);
      expect(await invitationsTo(KEY)).toBe(4); // round 1 of submission 0, then 1, 2 and the winner
      const [winner] = await assignmentOf(racing[1 - refusedAt], KEY);
      expect((await auditOf(winner.id)).after).not.toHaveProperty('overCapacity');
    });

    it('invites over capacity when the editor says so knowingly, and the audit log records it', async () => {
      const [submission] = (
        await Promise.all(
          inReview.slice(3, 5).map(async (s) => ((await assignmentOf(s, KEY)).length ? [] : [s])),
        )
      ).flat();
      const again = await invite(submission, KEY);
      expectProblem(again, 409, 'reviewer-at-capacity');
      await invite(submission, KEY, { overCapacity: 'yes' }).expect(400);
      const invited = await invite(submission, KEY, { overCapacity: true }).expect(201);
      const audit = await auditOf(invited.body.id);
      expect(audit).toMatchObject({
        action: 'review.invited',
        after: { reviewerId: users[KEY].id, overCapacity: { openReviews: 3, maxReviews: 3 } },
      });
      expect(await invitationsTo(KEY)).toBe(5);
    });

    it('re-invites a previous round’s reviewer at capacity only knowingly, too', async () => {
      const reinvite = (body: object) =>
        http()
          .post(`${JOURNAL}/submissions/${inReview[0].id}/review-assignments/reinvite`)
          .set(as('editor'))
          .send(body);
      const refusal = await reinvite({});
      expectProblem(refusal, 409, 'reviewer-at-capacity');
      expect(refusal.body.detail).toBe(
        'Nadia Capacity has 4 open reviews of the 3 they accept; set overCapacity: true to invite them anyway',
      );
      expect(await assignmentOf(inReview[0], KEY)).toHaveLength(1); // round 1's only
      const again = await reinvite({ overCapacity: true }).expect(201);
      expect(again.body).toEqual([expect.objectContaining({ reviewerId: users[KEY].id })]);
      expect((await auditOf(again.body[0].id)).after).toMatchObject({
        overCapacity: { openReviews: 4, maxReviews: 3 },
      });
    });

    it('refuses a reviewer whose profile says unavailable, unless the editor invites them knowingly', async () => {
      const [submission] = inReview;
      await http()
        .patch('/api/me')
        .set(as('reviewer3'))
        .send({ availableForReview: false })
        .expect(200);
      try {
        const refusal = await invite(submission, 'reviewer3');
        expectProblem(refusal, 409, 'reviewer-unavailable');
        expect(refusal.body.detail).toContain('is not available for review');
        expect(await assignmentOf(submission, 'reviewer3')).toEqual([]);
        const invited = await invite(submission, 'reviewer3', { despiteUnavailable: true }).expect(
          201,
        );
        const audit = await auditOf(invited.body.id);
        expect(audit.after).toMatchObject({ despiteUnavailable: true });
        expect(audit.after).not.toHaveProperty('overCapacity');
      } finally {
        await http()
          .patch('/api/me')
          .set(as('reviewer3'))
          .send({ availableForReview: true })
          .expect(200);
      }
    });
  });
});
