import { seedDemo } from '../src/demo';
import { type Stack, startStack } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const JOURNAL = '/api/journals/volunteering';

interface HistoryEntry {
  type: 'event' | 'email';
  at: string;
  kind?: string;
  template?: string;
  actor?: { id: string } | null;
  recipient?: { email: string };
  status?: string;
}

/**
 * Section editors who recommend instead of deciding (when the journal asks for it), and the
 * submission's history as editors and authors see it.
 */
describe('recommendations and history', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  let policy: string;
  let field: string;

  const submissionTitled = async (title: string): Promise<string> =>
    (
      await stack.dataSource.query(
        `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
        [title],
      )
    )[0].id;
  const editorView = async (id: string) =>
    (
      await stack
        .http()
        .get(`${JOURNAL}/submissions/${id}`)
        .set('Authorization', auth.editor)
        .expect(200)
    ).body;
  const decide = async (who: string, id: string, body: object) =>
    stack
      .http()
      .post(`${JOURNAL}/submissions/${id}/decisions`)
      .set('Authorization', auth[who])
      .send({ lockVersion: (await editorView(id)).submission.lockVersion, ...body });
  const setRecommending = (on: boolean) =>
    stack
      .http()
      .patch(JOURNAL)
      .set('Authorization', auth.manager)
      .send({ sectionEditorsRecommend: on })
      .expect(200);

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    for (const key of [
      'editor',
      'manager',
      'section.policy',
      'section.field',
      'author3',
      'author1',
    ]) {
      auth[key] = await signIn(stack, key);
    }
    policy = await submissionTitled('Volunteer management standards in Gulf non-profits');
    field = await submissionTitled(
      'Youth volunteering in the working-class districts of Casablanca',
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('in a journal where section editors recommend', () => {
    beforeAll(() => setRecommending(true));

    it('refuses a section editor’s decision and takes their recommendation instead', async () => {
      const refused = await decide('section.policy', policy, {
        decision: 'request_revisions',
        revisionsDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe('urn:tahkim:problem:recommendation-required');
      expect((await editorView(policy)).submission.stage).toBe('review');

      const recommended = await stack
        .http()
        .post(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth['section.policy'])
        .send({
          decision: 'request_revisions',
          comment: 'Both reviews ask for a better sample.\nMajor revisions.',
        })
        .expect(201);
      expect(recommended.body.decision).toBe('request_revisions');

      // The journal's editors are told, in their language (the editor reads Arabic); not the author.
      const mail = await stack.mailTo(email('editor'), (m) => /توصية/.test(m.subject ?? ''));
      expect(mail.subject).toContain('طلب تعديلات');
      expect(mail.html).toContain('Both reviews ask for a better sample.<br>Major revisions.');
      expect(mail.text).toMatch(/Both reviews ask for a better sample\.\nMajor revisions\./);
      // Editors decide: managers are asked only where the journal has no editor.
      const to = (key: string) =>
        stack.smtp.messages.filter(
          (m) => !Array.isArray(m.to) && m.to?.value[0]?.address === email(key),
        );
      expect(
        [to('manager'), to('section.policy'), to('author3')].map((list) => list.length),
      ).toEqual([0, 0, 0]);
    });

    it('lets the section editor take the decisions that stay theirs', async () => {
      const sent = await decide('section.field', field, { decision: 'send_to_review' });
      expect(sent.status).toBe(201);
      expect((await editorView(field)).submission.stage).toBe('review');
    });

    it('refuses to recommend what is not recommended, or out of order', async () => {
      const notRecommendable = await stack
        .http()
        .post(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth['section.policy'])
        .send({ decision: 'send_to_production' })
        .expect(422);
      expect(notRecommendable.body.type).toBe('urn:tahkim:problem:not-recommendable');
      await stack
        .http()
        .post(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth['section.policy'])
        .send({ decision: 'decline_without_review' })
        .expect(409);
      // Another section's editor cannot learn the submission exists; an author has no say.
      await stack
        .http()
        .post(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth['section.field'])
        .send({ decision: 'accept' })
        .expect(404);
      await stack
        .http()
        .post(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth.author1)
        .send({ decision: 'accept' })
        .expect(403);
      const listed = await stack
        .http()
        .get(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth.editor)
        .expect(200);
      expect(listed.body).toHaveLength(1);
    });

    it('answers the recommendation with the editor’s decision', async () => {
      const decided = await decide('editor', policy, {
        decision: 'request_revisions',
        revisionKind: 'major',
        revisionsDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      expect(decided.status).toBe(201);
      const listed = await stack
        .http()
        .get(`${JOURNAL}/submissions/${policy}/recommendations`)
        .set('Authorization', auth['section.policy'])
        .expect(200);
      expect(listed.body[0].answeredBy).toMatchObject({
        decisionId: decided.body.id,
        decision: 'request_revisions',
      });
    });

    afterAll(() => setRecommending(false));
  });

  describe('history', () => {
    it('shows editors every event and email in order, each email after what caused it', async () => {
      // The author's decision letter must be on its way before we read the history.
      await stack.mailTo(email('author3'));
      const response = await stack
        .http()
        .get(`${JOURNAL}/submissions/${policy}/history`)
        .set('Authorization', auth['section.policy'])
        .expect(200);
      const history = response.body as HistoryEntry[];
      const times = history.map((entry) => entry.at);
      expect(times).toEqual([...times].sort());
      const kinds = history.map((entry) =>
        entry.type === 'event' ? entry.kind : `email:${entry.template}`,
      );
      for (const expected of [
        'created',
        'submitted',
        'decision',
        'reviewer_invited',
        'review_submitted',
        'decision_recommended',
        'email:decision-recommended',
        'email:decision-letter',
      ])
        expect(kinds).toContain(expected);
      // The recommendation comes before its email, the last decision before its letter.
      expect(kinds.indexOf('decision_recommended')).toBeLessThan(
        kinds.indexOf('email:decision-recommended'),
      );
      expect(kinds.lastIndexOf('decision')).toBeLessThan(kinds.indexOf('email:decision-letter'));
      const letter = history.find((entry) => entry.template === 'decision-letter')!;
      expect(letter.recipient!.email).toBe(email('author3'));
      expect(['queued', 'sending', 'sent']).toContain(letter.status);
      // Another section's editor does not see it.
      await stack
        .http()
        .get(`${JOURNAL}/submissions/${policy}/history`)
        .set('Authorization', auth['section.field'])
        .expect(404);
    });

    it('shows the author only what authors see, naming nobody else', async () => {
      const response = await stack
        .http()
        .get(`/api/submissions/${policy}/history`)
        .set('Authorization', auth.author3)
        .expect(200);
      const history = response.body as HistoryEntry[];
      const kinds = history.map((entry) =>
        entry.type === 'event' ? entry.kind : `email:${entry.template}`,
      );
      expect(kinds).toEqual(
        expect.arrayContaining(['created', 'submitted', 'decision', 'email:decision-letter']),
      );
      expect(kinds).not.toContain('reviewer_invited');
      expect(kinds).not.toContain('decision_recommended');
      expect(kinds).not.toContain('email:decision-recommended');
      expect(
        history
          .filter((entry) => entry.type === 'email')
          .every((entry) => entry.recipient!.email === email('author3')),
      ).toBe(true);
      // Only the author's own actions carry an actor.
      const author = await stack.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
        email('author3'),
      ]);
      expect(history.every((entry) => !entry.actor || entry.actor.id === author[0].id)).toBe(true);
      const body = JSON.stringify(history);
      expect(body).not.toMatch(/reviewer[1-4]@|Tazi|التازي|Al-Suwaidi|السويدي|Al-Harthy|الحارثي/);
      // Nobody else reads the author's history.
      await stack
        .http()
        .get(`/api/submissions/${policy}/history`)
        .set('Authorization', auth.author1)
        .expect(404);
    });
  });
});
