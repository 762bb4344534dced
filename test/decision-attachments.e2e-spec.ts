import { createHash, randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { User } from '../src/accounts/user.entity';
import { seedDemo } from '../src/demo';
import { DecisionAttachment } from '../src/decisions/decision-attachment.entity';
import { FileStorage } from '../src/storage/file-storage';
import { makeDocx, PNG } from './support/manuscripts';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const JOURNAL = '/api/journals/volunteering';
const TITLE = 'Volunteer management standards in Gulf non-profits';
const DAY = 86_400_000;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const email = (key: string) => `${key}@volunteering.example.org`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An RFC 9457 answer with this status (and problem type, when the app names one). */
function expectProblem(response: Response, status: number, type?: string) {
  // Downloads are read as bytes: their refusals too.
  const body: unknown = Buffer.isBuffer(response.body)
    ? JSON.parse(response.body.toString('utf8'))
    : response.body;
  expect({ status: response.status, body }).toMatchObject({
    status,
    body: { status, ...(type ? { type: `urn:tahkim:problem:${type}` } : {}) },
  });
}

/** A person's names in every script, whole and family name alone (as in peer-review). */
function identities(user: User): string[] {
  const names = Object.values(user.names).flatMap((name) =>
    name ? [[name.given, name.family].filter(Boolean).join(' '), name.family ?? ''] : [],
  );
  return names.filter((value) => value.length >= 4);
}

/** Every part of a zip package as text, to search for names. */
async function zipText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  let text = '';
  for (const name of Object.keys(zip.files)) text += (await zip.file(name)?.async('string')) ?? '';
  return text;
}

/**
 * Issue #7, item 3: files attached to a decision letter. The demo's policy submission (author3,
 * handled by section.policy, one completed review by reviewer3) gets an annotated DOCX whose
 * properties name the reviewer and a PNG; the letter lists both and the author downloads them.
 */
describe('decision letters: attachments', () => {
  let stack: Stack;
  let storage: FileStorage;
  let submissionId: string;
  let reviewer: User;
  const auth: Record<string, string> = {};
  const ids: { docx?: string; png?: string; spare?: string } = {};
  let docx: Buffer;

  const http = () => stack.http();
  const as = (key: string) => ({ Authorization: auth[key] });
  const attachments = () => `${JOURNAL}/submissions/${submissionId}/decision-attachments`;
  const download = (who: string, attachmentId: string) =>
    http()
      .get(`/api/submissions/${submissionId}/decision-attachments/${attachmentId}/content`)
      .set(as(who))
      .buffer(true)
      .parse(binaryBody);
  const rows = () =>
    stack.dataSource.getRepository(DecisionAttachment).find({ where: { submissionId } });
  /** What a refused decision must leave as it was. */
  const snapshot = async () => {
    const [row]: { stage: string; lock_version: number; decisions: string; emails: string }[] =
      await stack.dataSource.query(
        `SELECT s.stage, s.lock_version,
                (SELECT count(*) FROM decisions d WHERE d.submission_id = s.id) AS decisions,
                (SELECT count(*) FROM outbox_messages o WHERE o.submission_id = s.id) AS emails
           FROM submissions s WHERE s.id = $1`,
        [submissionId],
      );
    const linked = (await rows()).map((row) => [row.id, row.decisionId]).sort();
    return { ...row, linked };
  };
  const lockVersion = async (): Promise<number> =>
    (await http().get(`${JOURNAL}/submissions/${submissionId}`).set(as('editor')).expect(200)).body
      .submission.lockVersion;

  beforeAll(async () => {
    stack = await startStack();
    storage = stack.api.get(FileStorage);
    await seedDemo(stack.api);
    for (const key of ['editor', 'section.policy', 'section.field', 'author1', 'author3'])
      auth[key] = await signIn(stack, key);
    const [row]: { id: string }[] = await stack.dataSource.query(
      `SELECT submission_id AS id FROM submission_metadata WHERE title = $1`,
      [TITLE],
    );
    submissionId = row.id;
    reviewer = await stack.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: email('reviewer3') });
    docx = await makeDocx({
      author: 'Amina Tazi',
      company: 'Université Cadi Ayyad',
      body: 'Comments on the sampling of the 40 organisations.',
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('stores an attached document only as a copy without the reviewer’s name', async () => {
    const response = await http()
      .post(attachments())
      .set(as('section.policy'))
      .attach('file', docx, 'annotated-manuscript.docx')
      .expect(201);
    expect(response.body).toMatchObject({
      submissionId,
      decisionId: null,
      mediaType: DOCX_TYPE,
      originalName: 'annotated-manuscript.docx',
    });
    expect(response.body).not.toHaveProperty('storageKey');
    expect(JSON.stringify(response.body)).not.toContain(sha256(docx));
    expect(response.body.anonymisation.removed).toEqual(
      expect.arrayContaining(['docProps/core.xml dc:creator']),
    );
    ids.docx = response.body.id;

    const stored = await stack.dataSource
      .getRepository(DecisionAttachment)
      .findOneByOrFail({ id: ids.docx });
    expect(stored.storageKey).not.toBe(sha256(docx));
    const content = await buffer(await storage.get(stored.storageKey));
    expect(stored).toMatchObject({ sha256: sha256(content), size: content.length });
    const text = await zipText(content);
    for (const name of [...identities(reviewer), 'Cadi Ayyad'])
      expect({ name, found: text.includes(name) }).toEqual({ name, found: false });
    expect(text).toContain('Comments on the sampling');
    // The original with the reviewer's name is not kept.
    await expect(storage.exists(sha256(docx))).resolves.toBe(false);
  });

  it('warns when the file name names a reviewer, and keeps other files as received', async () => {
    const named = await http()
      .post(attachments())
      .set(as('editor'))
      .attach('file', PNG, 'figure from Amina Tazi.png')
      .expect(201);
    expect(named.body.anonymisation.nameWarnings).toEqual([
      expect.objectContaining({ location: 'file name' }),
    ]);
    ids.spare = named.body.id;

    const response = await http()
      .post(attachments())
      .set(as('editor'))
      .attach('file', PNG, 'figure-1.png')
      .expect(201);
    expect(response.body).toMatchObject({ mediaType: 'image/png', size: PNG.length });
    // Nothing to strip; the picture itself cannot be searched for names, and the report says so.
    expect(response.body.anonymisation).toMatchObject({
      removed: [],
      nameWarnings: [],
      bodyTextChecked: false,
      unreadText: [''],
    });
    ids.png = response.body.id;
    const stored = await stack.dataSource
      .getRepository(DecisionAttachment)
      .findOneByOrFail({ id: ids.png });
    expect(stored.storageKey).toBe(sha256(PNG));

    const list = await http().get(attachments()).set(as('section.policy')).expect(200);
    expect(list.body.map((row: { id: string }) => row.id)).toEqual([ids.docx, ids.spare, ids.png]);
    expect(list.body.every((row: object) => !('storageKey' in row))).toBe(true);
  });

  it('refuses another section’s editor (404) and the author (403), storing nothing', async () => {
    const before = (await rows()).length;
    expectProblem(
      await http().post(attachments()).set(as('section.field')).attach('file', PNG, 'figure.png'),
      404,
    );
    expectProblem(
      await http().post(attachments()).set(as('author3')).attach('file', PNG, 'figure.png'),
      403,
    );
    expectProblem(await http().get(attachments()).set(as('section.field')), 404);
    expectProblem(
      await http().delete(`${attachments()}/${ids.spare}`).set(as('section.field')),
      404,
    );
    expect((await rows()).length).toBe(before);
  });

  it('refuses a type the supplementary genre does not take', async () => {
    const response = await http()
      .post(attachments())
      .set(as('editor'))
      .attach('file', Buffer.from('<?xml version="1.0"?><a/>'), 'a.xml');
    expect(response.status).toBe(415);
  });

  it('sends the attachments with the letter; the author downloads the stripped copies', async () => {
    const decided = await http()
      .post(`${JOURNAL}/submissions/${submissionId}/decisions`)
      .set(as('editor'))
      .send({
        decision: 'request_revisions',
        lockVersion: await lockVersion(),
        revisionsDueAt: new Date(Date.now() + 30 * DAY).toISOString(),
        attachmentIds: [ids.docx, ids.png],
      })
      .expect(201);
    const linked = await rows();
    expect(linked.find((row) => row.id === ids.docx)!.decisionId).toBe(decided.body.id);
    expect(linked.find((row) => row.id === ids.png)!.decisionId).toBe(decided.body.id);
    expect(linked.find((row) => row.id === ids.spare)!.decisionId).toBeNull();

    const mail = await stack.mailTo(email('author3'));
    for (const part of [mail.text ?? '', String(mail.html)]) {
      expect(part).toContain('Files attached to this letter');
      expect(part).toContain('annotated-manuscript.docx');
      expect(part).toContain('figure-1.png');
      expect(part).not.toContain('figure from Amina Tazi.png');
    }

    const decisions = await http()
      .get(`/api/submissions/${submissionId}/decisions`)
      .set(as('author3'))
      .expect(200);
    const last = decisions.body.decisions.at(-1);
    expect(last.id).toBe(decided.body.id);
    expect(last.attachments).toEqual([
      {
        id: ids.docx,
        name: 'annotated-manuscript.docx',
        mediaType: DOCX_TYPE,
        size: expect.any(Number),
      },
      { id: ids.png, name: 'figure-1.png', mediaType: 'image/png', size: PNG.length },
    ]);
    for (const earlier of decisions.body.decisions.slice(0, -1))
      expect(earlier.attachments).toEqual([]);

    const file = await download('author3', ids.docx!).expect(200);
    expect(file.headers['content-type']).toBe(DOCX_TYPE);
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="annotated-manuscript\.docx"/,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const text = await zipText(file.body as Buffer);
    for (const name of identities(reviewer))
      expect({ name, found: text.includes(name) }).toEqual({ name, found: false });
    expect(sha256(file.body as Buffer)).not.toBe(sha256(docx));

    const image = await download('author3', ids.png!).expect(200);
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
  });

  it('refuses a sent or unknown attachment, and attachments without a letter, changing nothing', async () => {
    const before = await snapshot();
    const decide = async (body: object) =>
      http()
        .post(`${JOURNAL}/submissions/${submissionId}/decisions`)
        .set(as('editor'))
        .send({ decision: 'decline', lockVersion: await lockVersion(), ...body });

    const used = await decide({ attachmentIds: [ids.spare, ids.docx] });
    expectProblem(used, 422, 'unknown-attachment');
    expect(used.body.detail).toContain(ids.docx);
    expect(used.body.detail).not.toContain(ids.spare);
    expect(used.body.attachmentIds).toEqual([ids.docx]);

    const unknown = randomUUID();
    const missing = await decide({ attachmentIds: [unknown] });
    expectProblem(missing, 422, 'unknown-attachment');
    expect(missing.body.attachmentIds).toEqual([unknown]);

    expectProblem(
      await decide({ attachmentIds: [ids.spare], notifyAuthor: false }),
      422,
      'attachments-without-letter',
    );
    expectProblem(
      await decide({ attachmentIds: Array.from({ length: 11 }, () => randomUUID()) }),
      400,
    );
    expectProblem(await decide({ attachmentIds: ['not-a-uuid'] }), 400);

    expect(await snapshot()).toEqual(before);
  });

  it('serves a sent attachment to its author only, never an unsent one', async () => {
    expectProblem(await download('author1', ids.docx!), 404);
    expectProblem(await download('author3', ids.spare!), 404);
    expectProblem(await download('author3', randomUUID()), 404);
    expectProblem(await download('editor', ids.docx!), 404);
  });

  it('keeps a sent attachment (409) and removes an unsent one', async () => {
    expectProblem(
      await http().delete(`${attachments()}/${ids.docx}`).set(as('section.policy')),
      409,
      'attachment-sent',
    );
    await http().delete(`${attachments()}/${ids.spare}`).set(as('section.policy')).expect(204);
    expectProblem(
      await http().delete(`${attachments()}/${ids.spare}`).set(as('section.policy')),
      404,
    );
    const list = await http().get(attachments()).set(as('editor')).expect(200);
    expect(
      list.body.map((row: { id: string; decisionId: string | null }) => [row.id, !!row.decisionId]),
    ).toEqual([
      [ids.docx, true],
      [ids.png, true],
    ]);
  });
});
