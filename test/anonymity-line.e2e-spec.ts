import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateSync } from 'node:zlib';
import type { Response } from 'supertest';
import { JournalRole } from '../src/access/journal-role.entity';
import { PasswordHasher } from '../src/accounts/password-hasher.service';
import { User } from '../src/accounts/user.entity';
import type { PersonNames } from '../src/editorial/people';
import { DEMO_PASSWORD, seedDemo } from '../src/demo';
import { Section } from '../src/journals/section.entity';
import { FileStorage } from '../src/storage/file-storage';
import { ReviewFile } from '../src/reviews/entities/review-file.entity';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { type Stack, binaryBody, startStack } from './support/api-with-worker';
import {
  closeLeakFixtureTools,
  CONTRIBUTORS,
  LEAK_FIXTURES,
  type LeakFixture,
  NEEDLES,
} from './support/leak-fixtures';
import { describeHits, findPlanted } from './support/leak-scan';
import { makeDocx } from './support/manuscripts';
import { docxBomb, GiB } from '../bench/fixtures/zip-bombs';
import { givenFor } from './support/given';
import { signIn } from './support/sign-in';

const CHECKLIST = [1, 2, 3].map((n) => `6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a0${n}`);
const JOURNAL = '/api/journals/volunteering';
const email = (key: string) => `${key}@volunteering.example.org`;

/** The author, as the pipeline must hide them: in Latin, Arabic and Tifinagh script. */
const AUTHOR_NAMES: PersonNames = {
  Latn: { given: 'Leila', family: 'Benali' },
  Arab: { given: 'ليلى', family: 'بنعلي' },
  Tfng: { given: 'ⵍⵉⵍⴰ', family: 'ⴱⵏⵄⵍⵉ' },
};
/** A reviewer new to the journal, whose files go to the author. */
const REVIEWER_NAMES: PersonNames = {
  Latn: { given: 'Rachid', family: 'Oukacha' },
  Arab: { given: 'رشيد', family: 'أوكاشة' },
};

function expectProblem(response: Response, status: number, type?: string) {
  const body: unknown = Buffer.isBuffer(response.body)
    ? JSON.parse(response.body.toString('utf8'))
    : response.body;
  expect({ status: response.status, body }).toMatchObject({
    status,
    body: { status, ...(type ? { type: `urn:tahkim:problem:${type}` } : {}) },
  });
}

/** Every text a file holds, as bytes and, for a zip, each entry's text too. */
async function textsOf(bytes: Buffer): Promise<string> {
  const texts = [bytes.toString('latin1'), bytes.toString('utf8')];
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files))
      if (!entry.dir) texts.push(await textsOf(await entry.async('nodebuffer')));
  }
  return texts.join('\n');
}

/** A 1×1 PNG with a text chunk naming someone, as a drawing program writes its "Author" field. */
function pngNaming(name: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255, 255]))),
    chunk('tEXt', Buffer.from(`Author\0${name}`, 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Issue #18: every file that crosses the anonymity line goes through one pipeline. Files of every
 * genre reach a double-anonymous reviewer cleaned; what cannot be cleaned is held back until an
 * editor releases it (recorded in the history); reviewers' and editors' files reach the author
 * cleaned, or are refused; the uploader and the editor read each file's report.
 */
describe('the anonymity line: every file, every direction', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};
  const users: Record<string, User> = {};
  let sectionId: string;
  let submissionId: string;
  let assignmentId: string;
  /** A draft of author1's, for uploads after the first submission went to review. */
  let bombDraft: string;
  const fileIds: Record<string, string> = {};

  const http = () => stack.http();
  const as = (key: string) => ({ Authorization: auth[key] });
  /** Signs `key` in (at `address`), keeping their header and account. */
  const signInAs = async (key: string, address = email(key)) => {
    auth[key] = await signIn(stack, address);
    users[key] = await stack.dataSource.getRepository(User).findOneByOrFail({ email: address });
  };
  const upload = (who: string, path: string, bytes: Buffer, name: string) =>
    http().post(path).set(as(who)).attach('file', bytes, name);
  const download = (who: string, path: string) =>
    http().get(path).set(as(who)).buffer(true).parse(binaryBody);
  const identities = (names: PersonNames) =>
    Object.values(names).flatMap((name) => (name ? [name.given, name.family ?? ''] : []));
  const storage = () => stack.api.get(FileStorage);

  /** A new person with the reviewer role in the journal, signed in as `key`; returns the journal. */
  async function newReviewer(key: string, address: string, names: PersonNames) {
    const reviewer = await stack.dataSource.getRepository(User).save({
      email: address,
      status: 'active',
      emailVerifiedAt: new Date(),
      passwordHash: await new PasswordHasher().hash(DEMO_PASSWORD),
      names,
      preferredLocale: 'fr',
    });
    const [journal]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM journals WHERE slug = 'volunteering'`,
    );
    await stack.dataSource
      .getRepository(JournalRole)
      .save({ journalId: journal.id, userId: reviewer.id, role: 'reviewer' });
    await signInAs(key, address);
    return journal;
  }

  /** Posts a decision with the submission's current lock version; it must be taken. */
  async function decide(id: string, body: object) {
    const [{ lock_version: lockVersion }]: { lock_version: number }[] =
      await stack.dataSource.query('SELECT lock_version FROM submissions WHERE id = $1', [id]);
    return http()
      .post(`${JOURNAL}/submissions/${id}/decisions`)
      .set(as('editor'))
      .send({ lockVersion, ...body })
      .expect(201);
  }

  /**
   * The draft completed and submitted by author1, sent to review, `reviewer` invited and
   * accepting through the email's link; returns the assignment's id.
   */
  async function inReview(id: string, reviewer: string): Promise<string> {
    await http()
      .patch(`/api/submissions/${id}`)
      .set(as('author1'))
      .send({
        metadata: {
          ar: { title: 'التطوع', abstract: 'ملخص.', keywords: ['التطوع'] },
          en: { title: 'Volunteering', abstract: 'An abstract.', keywords: ['volunteering'] },
        },
        checklistConfirmed: CHECKLIST,
      })
      .expect(204);
    const given = givenFor(stack, auth);
    await given.agree('author1', id, 'en');
    const submission = await given.submit('author1', id);
    await decide(id, { decision: 'send_to_review' });
    return given.reviewerAccepted(submission, users[reviewer].email);
  }

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    for (const key of ['author1', 'editor']) await signInAs(key);
    // The reviewer: named in two scripts, a reviewer of the journal.
    const journal = await newReviewer('reviewer', 'rachid.oukacha@anonymity.test', REVIEWER_NAMES);
    sectionId = (
      await stack.dataSource
        .getRepository(Section)
        .findOneByOrFail({ journalId: journal.id, openForSubmissions: true })
    ).id;

    const draft = await http()
      .post(`${JOURNAL}/submissions`)
      .set(as('author1'))
      .send({ sectionId, locale: 'en' })
      .expect(201);
    submissionId = draft.body.id;
    await http()
      .put(`/api/submissions/${submissionId}/contributors`)
      .set(as('author1'))
      .send({
        contributors: [{ names: AUTHOR_NAMES, email: email('author1'), corresponding: true }],
      })
      .expect(200);
    bombDraft = (
      await http()
        .post(`${JOURNAL}/submissions`)
        .set(as('author1'))
        .send({ sectionId, locale: 'en' })
        .expect(201)
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    await closeLeakFixtureTools();
    await stack?.close();
  });

  describe('the author’s files', () => {
    it('cleans every genre, not only the manuscript, and reports what it removed', async () => {
      const manuscript = await upload(
        'author1',
        `/api/submissions/${submissionId}/files?genre=manuscript`,
        await makeDocx({
          author: 'Leila Benali',
          company: 'Université Ibn Tofail',
          body: 'As ليلى بنعلي showed in 2021, volunteering grows.',
        }),
        'manuscript.docx',
      ).expect(201);
      fileIds.manuscript = manuscript.body.id;
      expect(manuscript.body).toMatchObject({
        heldReason: null,
        anonymisedKey: expect.any(String),
      });
      expect(manuscript.body.anonymisation).toMatchObject({
        removed: expect.arrayContaining(['docProps/core.xml dc:creator']),
        nameWarnings: [
          expect.objectContaining({ name: 'ليلى بنعلي', location: 'body', paragraph: 1 }),
        ],
        bodyTextChecked: true,
      });

      const supplementary = await upload(
        'author1',
        `/api/submissions/${submissionId}/files?genre=supplementary`,
        await makeDocx({ author: 'Leila Benali', company: 'Ibn Tofail', body: 'Interview guide.' }),
        'interview-guide.docx',
      ).expect(201);
      fileIds.supplementary = supplementary.body.id;
      expect(supplementary.body.anonymisedKey).toEqual(expect.any(String));
      expect(supplementary.body.anonymisation.summary.property).toBeGreaterThan(0);

      const figure = await upload(
        'author1',
        `/api/submissions/${submissionId}/files?genre=figure`,
        pngNaming('Leila Benali'),
        'figure-1.png',
      ).expect(201);
      fileIds.figure = figure.body.id;
      expect(figure.body.anonymisation).toMatchObject({
        removed: [expect.stringMatching(/image metadata \(PNG text\)/)],
        summary: expect.objectContaining({ 'image-metadata': 1 }),
      });
    });

    it('holds back a file it cannot clean, and tells the author why', async () => {
      const archive = new JSZip();
      archive.file('responses.csv', 'respondent,answer\n1,yes\n');
      archive.file('README.txt', 'Collected by Leila Benali.');
      const held = await upload(
        'author1',
        `/api/submissions/${submissionId}/files?genre=dataset`,
        await archive.generateAsync({ type: 'nodebuffer' }),
        'survey-data.zip',
      ).expect(201);
      fileIds.dataset = held.body.id;
      expect(held.body).toMatchObject({
        anonymisedKey: null,
        heldReason: expect.stringContaining('zip archive'),
        releasedAt: null,
      });
      // The author's page shows it too, and the history says the file is held.
      const page = await http()
        .get(`/api/submissions/${submissionId}`)
        .set(as('author1'))
        .expect(200);
      expect(
        page.body.files.find((file: { id: string }) => file.id === held.body.id),
      ).toMatchObject({ heldReason: expect.stringContaining('zip archive') });
      expect(page.body.events.at(-1)).toMatchObject({
        kind: 'file_uploaded',
        data: { fileId: held.body.id, heldFromReviewers: expect.stringContaining('zip archive') },
      });
    });

    it('submits, and sends it to review with the reviewer invited and accepting', async () => {
      assignmentId = await inReview(submissionId, 'reviewer');
    });

    it('gives the reviewer each cleaned file, neutrally named, and nothing of the held one', async () => {
      const view = await http().get(`/api/reviews/${assignmentId}`).set(as('reviewer')).expect(200);
      const files = view.body.files as { id: string; genre: string; name: string }[];
      expect(files.map((file) => file.genre).sort()).toEqual([
        'figure',
        'manuscript',
        'supplementary',
      ]);
      expect(files.map((file) => file.id)).not.toContain(fileIds.dataset);
      for (const file of files) {
        const content = await download(
          'reviewer',
          `/api/reviews/${assignmentId}/files/${file.id}/content`,
        ).expect(200);
        const text = await textsOf(content.body as Buffer);
        for (const name of [...identities(AUTHOR_NAMES), 'Ibn Tofail'])
          // The manuscript's prose keeps its one mention, which the author was told about.
          if (!(file.genre === 'manuscript' && 'ليلى بنعلي'.includes(name)))
            expect({ file: file.name, name, found: text.includes(name) }).toEqual({
              file: file.name,
              name,
              found: false,
            });
        expect(content.headers['content-disposition']).toContain(file.name);
      }
      expectProblem(
        await download('reviewer', `/api/reviews/${assignmentId}/files/${fileIds.dataset}/content`),
        404,
        'not-found',
      );
    });

    it('shows the editor why the file was held; releasing it is recorded and lets the reviewer have it', async () => {
      const view = await http()
        .get(`${JOURNAL}/submissions/${submissionId}`)
        .set(as('editor'))
        .expect(200);
      expect(
        view.body.files.find((file: { id: string }) => file.id === fileIds.dataset),
      ).toMatchObject({ heldReason: expect.stringContaining('zip archive'), releasedAt: null });
      const release = (fileId: string, who: string) =>
        http().post(`${JOURNAL}/submissions/${submissionId}/files/${fileId}/release`).set(as(who));
      // The author may not (the permission matrix has the other roles).
      expectProblem(await release(fileIds.dataset, 'author1'), 403);
      // A cleaned file is not "held": nothing to release.
      expectProblem(await release(fileIds.manuscript, 'editor'), 409, 'file-not-held');
      const released = await release(fileIds.dataset, 'editor').expect(200);
      expect(released.body).toMatchObject({
        releasedAt: expect.any(String),
        releasedBy: users.editor.id,
      });
      expectProblem(await release(fileIds.dataset, 'editor'), 409, 'file-already-released');
      const history = await http()
        .get(`${JOURNAL}/submissions/${submissionId}`)
        .set(as('editor'))
        .expect(200);
      expect(history.body.events.at(-1)).toMatchObject({
        kind: 'file_released',
        actorId: users.editor.id,
        data: { fileId: fileIds.dataset, heldReason: expect.stringContaining('zip archive') },
      });
      const files = (
        await http().get(`/api/reviews/${assignmentId}`).set(as('reviewer')).expect(200)
      ).body.files as { id: string }[];
      expect(files.map((file) => file.id)).toContain(fileIds.dataset);
      await download(
        'reviewer',
        `/api/reviews/${assignmentId}/files/${fileIds.dataset}/content`,
      ).expect(200);
    });
  });

  describe('the reviewer’s attachments', () => {
    it('cleans a document of the reviewer’s name and reports it to the reviewer', async () => {
      const response = await upload(
        'reviewer',
        `/api/reviews/${assignmentId}/review-files`,
        await makeDocx({
          author: 'Rachid Oukacha',
          company: 'Université Mohammed V',
          body: 'Annotated: see my comments.',
        }),
        'annotated.docx',
      ).expect(201);
      expect(response.body).not.toHaveProperty('storageKey');
      expect(response.body).not.toHaveProperty('anonymisedKey');
      expect(response.body.anonymisation).toMatchObject({
        removed: expect.arrayContaining(['docProps/core.xml dc:creator']),
      });
      const stored = await stack.dataSource
        .getRepository(ReviewFile)
        .findOneByOrFail({ id: response.body.id });
      const copy = await textsOf(await buffer(await storage().get(stored.anonymisedKey)));
      for (const name of identities(REVIEWER_NAMES))
        expect({ name, found: copy.includes(name) }).toEqual({ name, found: false });
    });

    it('refuses a file it cannot clean (422) and keeps nothing of it', async () => {
      const before = await stack.dataSource.getRepository(ReviewFile).count();
      const archive = new JSZip();
      archive.file('notes.txt', 'Rachid Oukacha');
      const refused = await upload(
        'reviewer',
        `/api/reviews/${assignmentId}/review-files`,
        await archive.generateAsync({ type: 'nodebuffer' }),
        'notes.docx',
      );
      // A zip is not a type a review takes at all: refused by type before any cleaning.
      expect(refused.status).toBe(415);
      const damaged = await upload(
        'reviewer',
        `/api/reviews/${assignmentId}/review-files`,
        Buffer.from('%PDF-1.7\nnot a PDF at all'),
        'annotated.pdf',
      );
      expectProblem(damaged, 400, 'unacceptable-file');
      expect(damaged.body.detail).toMatch(/damaged PDF/);
      expect(damaged.body.detail).not.toMatch(/Cannot read|undefined|Pages/);
      expect(await stack.dataSource.getRepository(ReviewFile).count()).toBe(before);
    });
  });

  describe('zip bombs, wherever a file is uploaded', () => {
    // 1 MB each: 1 GiB of zeros in one part, with honest headers, or claiming 4 KiB.
    const honest = docxBomb({ entryBytes: GiB, salt: 'honest' });
    const lying = docxBomb({ entryBytes: GiB, claimedSize: 4096, salt: 'lying' });
    const rows = async () =>
      (
        await stack.dataSource.query(
          `SELECT (SELECT count(*) FROM submission_files)
                + (SELECT count(*) FROM review_files)
                + (SELECT count(*) FROM decision_attachments) AS n`,
        )
      )[0].n as string;

    it.each([
      [
        'an author’s manuscript',
        'author1',
        () => `/api/submissions/${bombDraft}/files?genre=manuscript`,
      ],
      ['a reviewer’s attachment', 'reviewer', () => `/api/reviews/${assignmentId}/review-files`],
      [
        'an editor’s letter attachment',
        'editor',
        () => `${JOURNAL}/submissions/${submissionId}/decision-attachments`,
      ],
    ])('refuses one as %s: 413 or 422 naming the limit, nothing stored', async (_, who, path) => {
      const before = await rows();
      for (const [bomb, status, limit] of [
        [honest, 413, 'entry-uncompressed-bytes'],
        [lying, 422, 'compression-ratio'],
      ] as const) {
        const response = await upload(who, path(), bomb, 'paper.docx');
        expectProblem(response, status, 'archive-limit');
        expect(response.body).toMatchObject({ limit, max: expect.any(Number) });
        expect(response.body.detail).toMatch(/Tahkim does not open such files/);
        await expect(storage().exists(sha256(bomb))).resolves.toBe(false);
      }
      expect(await rows()).toBe(before);
    });
  });

  describe('what is stored', () => {
    it('keeps the submission’s files, with a report for each file that crosses', async () => {
      const files = await stack.dataSource.getRepository(SubmissionFile).findBy({ submissionId });
      expect(files).toHaveLength(4);
      for (const file of files) expect(file.anonymisation).not.toBeNull();
    });
  });

  /**
   * The leak suite's fixtures (test/support/leak-fixtures.ts: a name planted everywhere each
   * format can hold one), through the API: uploaded as every genre that takes them, in each
   * direction, and downloaded as the other party; the scanner then searches the bytes and
   * everything unpacked from them, recursively. Only the one mention in the prose may remain.
   */
  describe('the leak suite, through the API, in every direction', () => {
    const { latin, arabic, tifinagh } = CONTRIBUTORS;
    /** The planted people, as a contributor or a reviewer of Tahkim would enter them. */
    const PLANTED: PersonNames = {
      Latn: { given: latin.given, family: latin.full.slice(latin.given.length + 1) },
      Arab: { given: arabic.given, family: arabic.family },
      Tfng: { given: tifinagh.given, family: tifinagh.family },
    };
    const GENRES = ['manuscript', 'figure', 'table', 'dataset', 'supplementary'] as const;
    const fixtures: Record<string, LeakFixture> = {};

    /** What a downloaded copy may still hold: the fixture's prose mention, once. */
    function expectClean(fixture: LeakFixture, bytes: Buffer, what: string) {
      const hits = findPlanted(bytes, NEEDLES);
      const prose = fixture.prose;
      const proseAt = prose?.cleanedAt ?? prose?.at;
      const outside = hits.filter(
        (hit) => !prose || hit.where !== proseAt || !prose.name.includes(hit.needle),
      );
      expect({ what, leaks: describeHits(outside) }).toEqual({ what, leaks: [] });
    }

    beforeAll(async () => {
      for (const [label, make] of Object.entries(LEAK_FIXTURES)) fixtures[label] = await make();
    }, 60_000);

    it('author → reviewer: every format as every genre that takes it', async () => {
      const draft = await http()
        .post(`${JOURNAL}/submissions`)
        .set(as('author1'))
        .send({ sectionId, locale: 'en' })
        .expect(201);
      const id: string = draft.body.id;
      await http()
        .put(`/api/submissions/${id}/contributors`)
        .set(as('author1'))
        .send({ contributors: [{ names: PLANTED, email: email('author1'), corresponding: true }] })
        .expect(200);
      const uploaded = new Map<string, string>(); // file id → "label as genre"
      for (const [label, fixture] of Object.entries(fixtures)) {
        const accepted: string[] = [];
        for (const genre of GENRES) {
          const response = await upload(
            'author1',
            `/api/submissions/${id}/files?genre=${genre}`,
            fixture.bytes,
            `${label}.bin`,
          );
          if (response.status === 415) continue;
          expect({ label, genre, status: response.status, body: response.body }).toMatchObject({
            status: 201,
            body: { heldReason: null, anonymisedKey: expect.any(String) },
          });
          uploaded.set(response.body.id, `${label} as ${genre}`);
          accepted.push(genre);
        }
        expect({ label, accepted: accepted.length > 0 }).toEqual({ label, accepted: true });
      }
      // Submitted, sent to review, and a double-anonymous reviewer accepts.
      const reviewing = await inReview(id, 'reviewer');
      const files = (await http().get(`/api/reviews/${reviewing}`).set(as('reviewer')).expect(200))
        .body.files as { id: string; name: string }[];
      expect(files.map((file) => file.id).sort()).toEqual([...uploaded.keys()].sort());
      for (const file of files) {
        const what = uploaded.get(file.id)!;
        const content = await download(
          'reviewer',
          `/api/reviews/${reviewing}/files/${file.id}/content`,
        ).expect(200);
        expectClean(fixtures[what.split(' as ')[0]], content.body as Buffer, what);
        for (const needle of NEEDLES)
          expect({ what, needle, inName: file.name.includes(needle) }).toMatchObject({
            inName: false,
          });
      }
    }, 240_000);

    it('reviewer → author and editor → author: every format a review or a letter takes', async () => {
      // The planted person reviews this time; the author is the demo's.
      await newReviewer('planted', 'planted.reviewer@anonymity.test', PLANTED);
      const draft = await http()
        .post(`${JOURNAL}/submissions`)
        .set(as('author1'))
        .send({ sectionId, locale: 'en' })
        .expect(201);
      const id: string = draft.body.id;
      await upload(
        'author1',
        `/api/submissions/${id}/files?genre=manuscript`,
        await makeDocx({ author: 'Someone', company: 'Somewhere', body: 'A manuscript.' }),
        'manuscript.docx',
      ).expect(201);
      const assignment = await inReview(id, 'planted');

      const sent = new Map<string, string>(); // review file id → label
      for (const [label, fixture] of Object.entries(fixtures)) {
        const response = await upload(
          'planted',
          `/api/reviews/${assignment}/review-files`,
          fixture.bytes,
          `${label}.bin`,
        );
        if (response.status === 415) continue;
        expect({ label, status: response.status, body: response.body }).toMatchObject({
          status: 201,
        });
        sent.set(response.body.id, label);
      }
      expect(sent.size).toBeGreaterThanOrEqual(14);
      await http()
        .post(`/api/reviews/${assignment}/review/submit`)
        .set(as('planted'))
        .send({ recommendation: 'minor_revisions', commentsForAuthor: 'See the files.' })
        .expect(200);

      const attached = new Map<string, string>(); // attachment id → label
      for (const [label, fixture] of Object.entries(fixtures)) {
        const response = await upload(
          'editor',
          `${JOURNAL}/submissions/${id}/decision-attachments`,
          fixture.bytes,
          `${label}.bin`,
        );
        if (response.status === 415) continue;
        expect({ label, status: response.status }).toEqual({ label, status: 201 });
        attached.set(response.body.id, label);
      }
      // A letter carries at most 10 attachments: two letters carry them all.
      const ids = [...attached.keys()];
      await decide(id, {
        decision: 'request_revisions',
        revisionsDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        sharedReviewFileIds: [...sent.keys()],
        attachmentIds: ids.slice(0, 10),
      });
      await decide(id, { decision: 'decline', attachmentIds: ids.slice(10) });

      const { decisions } = (
        await http().get(`/api/submissions/${id}/decisions`).set(as('author1')).expect(200)
      ).body as {
        decisions: {
          reviews: { files: { id: string; name: string }[] }[];
          attachments: { id: string }[];
        }[];
      };
      // Both letters share the round's reviews: each file once.
      const reviewFiles = [
        ...new Map(
          decisions
            .flatMap((d) => d.reviews.flatMap((review) => review.files))
            .map((file) => [file.id, file]),
        ).values(),
      ];
      expect(reviewFiles.map((file) => file.id).sort()).toEqual([...sent.keys()].sort());
      for (const file of reviewFiles) {
        const content = await download(
          'author1',
          `/api/submissions/${id}/review-files/${file.id}/content`,
        ).expect(200);
        const label = sent.get(file.id)!;
        expectClean(fixtures[label], content.body as Buffer, `${label} from the reviewer`);
      }
      const attachments = decisions.flatMap((d) => d.attachments);
      expect(attachments.map((a) => a.id).sort()).toEqual(ids.sort());
      for (const attachment of attachments) {
        const content = await download(
          'author1',
          `/api/submissions/${id}/decision-attachments/${attachment.id}/content`,
        ).expect(200);
        const label = attached.get(attachment.id)!;
        expectClean(fixtures[label], content.body as Buffer, `${label} from the editor`);
      }
    }, 240_000);
  });
});
