import { buffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { seedDemo } from '../src/demo';
import { Section } from '../src/journals/section.entity';
import { FileStorage } from '../src/storage/file-storage';
import { SubmissionFile } from '../src/submissions/entities/submission-file.entity';
import { Submission } from '../src/submissions/entities/submission.entity';
import { makeDocx, makeMarkdown, makeOdt, makePdf, PNG } from './support/manuscripts';
import { type Stack, startStack } from './support/api-with-worker';
import { signIn } from './support/sign-in';

const CHECKLIST = [
  '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a01',
  '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a02',
  '6d1f5a52-4c8e-4d3c-9a43-1d6f0a1e7a03',
];

describe('submissions: draft → files → agreement → submit → withdraw', () => {
  let stack: Stack;
  let sections: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api, { submissions: false });
    const rows = await stack.dataSource.getRepository(Section).find();
    sections = Object.fromEntries(rows.map((section) => [section.titles.en!, section.id]));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const upload = (auth: string, id: string, genre: string, content: Buffer, filename: string) =>
    stack
      .http()
      .post(`/api/submissions/${id}/files?genre=${genre}`)
      .set('Authorization', auth)
      .attach('file', content, filename);

  /** Completes a draft up to the point of submitting; returns its id. */
  async function prepare(
    auth: string,
    locale: 'ar' | 'en' | 'fr',
    manuscript: { content: Buffer; filename: string },
  ) {
    const draft = await stack
      .http()
      .post('/api/journals/volunteering/submissions')
      .set('Authorization', auth)
      .send({ sectionId: sections['Research Articles'], locale })
      .expect(201);
    const id = draft.body.id as string;
    const titles = {
      ar: 'التطوع الشبابي في المغرب والخليج',
      en: 'Youth volunteering in Morocco and the Gulf',
      fr: 'Le bénévolat des jeunes au Maroc et dans le Golfe',
    };
    await stack
      .http()
      .patch(`/api/submissions/${id}`)
      .set('Authorization', auth)
      .send({
        metadata: {
          [locale]: {
            title: titles[locale],
            abstract: 'A study of volunteering.',
            keywords: ['volunteering', 'youth'],
          },
          ar: { title: titles.ar, abstract: 'دراسة في العمل التطوعي.', keywords: ['التطوع'] },
          en: {
            title: titles.en,
            abstract: 'A study of volunteering.',
            keywords: ['volunteering'],
          },
        },
        funding: 'None.',
        competingInterests: 'None declared.',
        dataAvailability: 'Data are available on request.',
        references: 'Putnam, R. (2000). Bowling Alone.\n\n  Ibn Khaldun. Al-Muqaddima.  \n',
        checklistConfirmed: CHECKLIST,
      })
      .expect(204);
    await upload(auth, id, 'manuscript', manuscript.content, manuscript.filename).expect(201);
    const terms = await stack
      .http()
      .get(`/api/submissions/${id}/copyright-terms?locale=${locale}`)
      .set('Authorization', auth)
      .expect(200);
    await stack
      .http()
      .post(`/api/submissions/${id}/copyright-agreement`)
      .set('Authorization', auth)
      .send({ termsVersion: terms.body.termsVersion, locale, agree: true })
      .expect(201);
    return id;
  }

  describe('an Arabic DOCX manuscript', () => {
    let author: string;
    let id: string;

    beforeAll(async () => {
      author = await signIn(stack, 'author1');
    });

    it('saves a draft step by step and lists what is still missing', async () => {
      const draft = await stack
        .http()
        .post('/api/journals/volunteering/submissions')
        .set('Authorization', author)
        .send({ sectionId: sections['Research Articles'], locale: 'ar' })
        .expect(201);
      id = draft.body.id;
      const view = await stack
        .http()
        .get(`/api/submissions/${id}`)
        .set('Authorization', author)
        .expect(200);
      expect(view.body.submission.stage).toBe('draft');
      // The submitter starts as the corresponding contributor.
      expect(view.body.contributors).toEqual([
        expect.objectContaining({ email: 'author1@volunteering.example.org', corresponding: true }),
      ]);
      expect(view.body.tasks.join(' ')).toMatch(/metadata\.ar.*copyrightAgreement.*files/s);
    });

    it('refuses to submit an incomplete draft, naming every missing part (422)', async () => {
      const response = await stack
        .http()
        .post(`/api/submissions/${id}/submit`)
        .set('Authorization', author)
        .expect(422);
      expect(response.body.type).toBe('urn:tahkim:problem:submission-incomplete');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'metadata.ar',
        'metadata.en',
        'checklistConfirmed',
        'copyrightAgreement',
        'files',
      ]);
    });

    it('sets contributors, refusing two corresponding authors and a bad ORCID iD', async () => {
      const leila = {
        names: {
          Arab: { given: 'ليلى', family: 'بنعلي' },
          Latn: { given: 'Leila', family: 'Benali' },
        },
        email: 'author1@volunteering.example.org',
        orcid: '0000-0002-1825-0097',
        corresponding: true,
        country: 'MA',
      };
      const rachid = {
        names: { Latn: { given: 'Rachid', family: 'Ouazzani' } },
        email: 'rachid@example.org',
        affiliation: 'Université Abdelmalek Essaâdi',
      };
      const two = await stack
        .http()
        .put(`/api/submissions/${id}/contributors`)
        .set('Authorization', author)
        .send({ contributors: [leila, { ...rachid, corresponding: true }] })
        .expect(400);
      expect(two.body.errors[0].messages[0]).toMatch(/only one contributor/);
      const orcid = await stack
        .http()
        .put(`/api/submissions/${id}/contributors`)
        .set('Authorization', author)
        .send({ contributors: [{ ...leila, orcid: '0000-0002-1825-0098' }] })
        .expect(400);
      expect(orcid.body.errors[0].field).toBe('contributors.0.orcid');
      const saved = await stack
        .http()
        .put(`/api/submissions/${id}/contributors`)
        .set('Authorization', author)
        .send({ contributors: [leila, rachid] })
        .expect(200);
      expect(
        saved.body.map((contributor: { seq: number; email: string }) => [
          contributor.seq,
          contributor.email,
        ]),
      ).toEqual([
        [0, 'author1@volunteering.example.org'],
        [1, 'rachid@example.org'],
      ]);
    });

    it('stores the manuscript and an anonymised review copy without the authors’ names', async () => {
      const docx = await makeDocx({
        author: 'Leila Benali',
        company: 'Université Ibn Tofail',
        body: 'كما بيّنت ليلى بنعلي في بحث سابق، يتزايد التطوع.',
      });
      const response = await upload(author, id, 'manuscript', docx, 'مخطوطة.docx').expect(201);
      expect(response.body).toMatchObject({
        genre: 'manuscript',
        version: 1,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        originalName: 'مخطوطة.docx',
        size: docx.length,
      });
      expect(
        response.body.anonymisation.nameWarnings.map((warning: { name: string }) => warning.name),
      ).toContain('ليلى بنعلي');

      const storage = stack.api.get(FileStorage);
      const copy = await JSZip.loadAsync(
        await buffer(await storage.get(response.body.anonymisedKey)),
      );
      for (const name of Object.keys(copy.files)) {
        const text = await copy.file(name)?.async('string');
        expect(text ?? '').not.toMatch(/Leila|Benali|Ibn Tofail/);
      }
      // The original is kept as uploaded.
      const original = await JSZip.loadAsync(
        await buffer(await storage.get(response.body.storageKey)),
      );
      expect(await original.file('docProps/core.xml')!.async('string')).toContain('Leila Benali');
    });

    it('decides file types by content, not by name', async () => {
      const disguised = await upload(author, id, 'manuscript', PNG, 'paper.docx').expect(415);
      expect(disguised.body.detail).toMatch(/image\/png/);
      await upload(author, id, 'manuscript', Buffer.alloc(0), 'empty.docx').expect(400);
      const broken = await upload(
        author,
        id,
        'manuscript',
        Buffer.from('%PDF-1.7\n this is not a PDF at all'),
        'paper.pdf',
      ).expect(400);
      expect(broken.body.detail).toMatch(/PDF/);
      await upload(author, id, 'figure', PNG, 'figure-1.png').expect(201);
      expect(
        await stack.dataSource.getRepository(SubmissionFile).countBy({ submissionId: id }),
      ).toBe(2);
    });

    it('refuses a file over the journal’s limit and keeps nothing of it', async () => {
      await stack.dataSource.query(
        `UPDATE journals SET max_upload_mb = 1 WHERE slug = 'volunteering'`,
      );
      try {
        const big = Buffer.concat([Buffer.from('# Big\n\n'), Buffer.alloc(1_200_000, 'a')]);
        const response = await upload(author, id, 'supplementary', big, 'big.md').expect(413);
        expect(response.body.type).toBe('urn:tahkim:problem:unacceptable-file');
        expect(
          await stack.dataSource.getRepository(SubmissionFile).countBy({ submissionId: id }),
        ).toBe(2);
      } finally {
        await stack.dataSource.query(
          `UPDATE journals SET max_upload_mb = 50 WHERE slug = 'volunteering'`,
        );
      }
    });

    it('records the agreement to the copyright and licence terms as shown', async () => {
      const terms = await stack
        .http()
        .get(`/api/submissions/${id}/copyright-terms?locale=ar`)
        .set('Authorization', author)
        .expect(200);
      expect(terms.body.text).toContain('CC BY 4.0');
      await stack
        .http()
        .post(`/api/submissions/${id}/copyright-agreement`)
        .set('Authorization', author)
        .send({ termsVersion: 'f'.repeat(64), locale: 'ar', agree: true })
        .expect(409);
      const agreement = await stack
        .http()
        .post(`/api/submissions/${id}/copyright-agreement`)
        .set('Authorization', author)
        .send({ termsVersion: terms.body.termsVersion, locale: 'ar', agree: true })
        .expect(201);
      expect(agreement.body).toMatchObject({
        termsText: terms.body.text,
        licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      });
      expect(agreement.body.ip).toBeTruthy();
    });

    it('submits: numbered, assigned to the section editors, acknowledged by email in Arabic', async () => {
      await stack
        .http()
        .patch(`/api/submissions/${id}`)
        .set('Authorization', author)
        .send({
          metadata: {
            ar: {
              title: 'التطوع الشبابي في المغرب والخليج',
              abstract: 'دراسة ميدانية.',
              keywords: ['التطوع', 'الشباب'],
            },
            en: {
              title: 'Youth volunteering in Morocco and the Gulf',
              abstract: 'A field study.',
              keywords: ['volunteering'],
            },
          },
          references: 'Putnam, R. (2000). Bowling Alone.\n\nIbn Khaldun. Al-Muqaddima.',
          checklistConfirmed: CHECKLIST,
        })
        .expect(204);
      const submitted = await stack
        .http()
        .post(`/api/submissions/${id}/submit`)
        .set('Authorization', author)
        .expect(200);
      expect(submitted.body).toMatchObject({
        stage: 'submitted',
        number: `VOL-${new Date().getUTCFullYear()}-0001`,
        references: ['Putnam, R. (2000). Bowling Alone.', 'Ibn Khaldun. Al-Muqaddima.'],
      });

      const acknowledgement = await stack.mailTo('author1@volunteering.example.org');
      expect(acknowledgement.subject).toBe(`تأكيد استلام بحثك رقم ${submitted.body.number}`);
      expect(acknowledgement.html).toContain('dir="rtl"');
      const editorMail = await stack.mailTo('editor@volunteering.example.org');
      expect(editorMail.subject).toContain(submitted.body.number);
      // Editors' emails never name the authors.
      expect(editorMail.text).not.toMatch(/Leila|Benali|ليلى|بنعلي/);
    });

    it('refuses edits after submission', async () => {
      const response = await stack
        .http()
        .patch(`/api/submissions/${id}`)
        .set('Authorization', author)
        .send({ funding: 'changed' })
        .expect(409);
      expect(response.body.type).toBe('urn:tahkim:problem:submission-not-editable');
      await upload(author, id, 'figure', PNG, 'late.png').expect(409);
    });

    it('shows the author their history', async () => {
      const view = await stack
        .http()
        .get(`/api/submissions/${id}`)
        .set('Authorization', author)
        .expect(200);
      expect(view.body.events.map((event: { kind: string }) => event.kind)).toEqual([
        'created',
        'file_uploaded',
        'file_uploaded',
        'copyright_agreed',
        'submitted',
      ]);
      expect(view.body.tasks).toEqual([]);
    });

    it('is invisible to other authors (404, not 403)', async () => {
      const other = await signIn(stack, 'author2');
      await stack.http().get(`/api/submissions/${id}`).set('Authorization', other).expect(404);
    });

    it('is withdrawn with a reason; the editors are told; a second withdrawal is refused', async () => {
      const withdrawn = await stack
        .http()
        .post(`/api/submissions/${id}/withdraw`)
        .set('Authorization', author)
        .send({ reason: 'نشرنا نتائج أحدث في مكان آخر.' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        stage: 'withdrawn',
        withdrawalReason: 'نشرنا نتائج أحدث في مكان آخر.',
      });
      const mail = await stack.mailTo(
        'editor@volunteering.example.org',
        (candidate) => candidate.subject?.startsWith('سحب البحث') ?? false,
      );
      expect(mail.text).toContain('نشرنا نتائج أحدث في مكان آخر.');
      await stack
        .http()
        .post(`/api/submissions/${id}/withdraw`)
        .set('Authorization', author)
        .send({ reason: 'again' })
        .expect(409);
    });
  });

  it('takes an English PDF with an anonymised copy whose properties no longer name the author', async () => {
    const author = await signIn(stack, 'author3');
    const id = await prepare(author, 'en', {
      content: await makePdf({ author: 'Maryam Al-Sayed', title: 'Volunteering' }),
      filename: 'paper.pdf',
    });
    const submitted = await stack
      .http()
      .post(`/api/submissions/${id}/submit`)
      .set('Authorization', author)
      .expect(200);
    expect(submitted.body.stage).toBe('submitted');
    const file = await stack.dataSource
      .getRepository(SubmissionFile)
      .findOneByOrFail({ submissionId: id, genre: 'manuscript' });
    // updateMetadata: false, or pdf-lib itself would write its name as Creator while loading.
    const copy = await PDFDocument.load(
      await buffer(await stack.api.get(FileStorage).get(file.anonymisedKey!)),
      { updateMetadata: false },
    );
    expect(copy.getAuthor() ?? '').toBe('');
    expect(copy.getCreator() ?? '').toBe('');
    const acknowledgement = await stack.mailTo('author3@volunteering.example.org');
    expect(acknowledgement.subject).toMatch(/^Your submission VOL-\d{4}-\d{4} has been received$/);
  });

  it('takes a French Markdown manuscript without its author front matter in the review copy', async () => {
    const author = await signIn(stack, 'author2');
    const id = await prepare(author, 'fr', {
      content: makeMarkdown({ author: 'Rachid Ouazzani', title: 'Le bénévolat', body: 'Texte.' }),
      filename: 'article.md',
    });
    await stack
      .http()
      .post(`/api/submissions/${id}/submit`)
      .set('Authorization', author)
      .expect(200);
    const file = await stack.dataSource
      .getRepository(SubmissionFile)
      .findOneByOrFail({ submissionId: id, genre: 'manuscript' });
    expect(file.mediaType).toBe('text/markdown');
    const copy = (await buffer(await stack.api.get(FileStorage).get(file.anonymisedKey!))).toString(
      'utf8',
    );
    expect(copy).not.toContain('Ouazzani');
    expect(copy).toContain('# Le bénévolat');
    const acknowledgement = await stack.mailTo('author2@volunteering.example.org');
    expect(acknowledgement.subject).toMatch(/^Accusé de réception de votre soumission VOL-/);
  });

  it('takes an ODT manuscript, typed by content, with the annotation author removed from the review copy', async () => {
    const author = await signIn(stack, 'author1');
    const draft = await stack
      .http()
      .post('/api/journals/volunteering/submissions')
      .set('Authorization', author)
      .send({ sectionId: sections['Research Articles'], locale: 'ar' })
      .expect(201);
    const odt = await makeOdt({ author: 'Leila Benali', body: 'نص البحث.' });
    const response = await upload(
      author,
      draft.body.id,
      'manuscript',
      odt,
      'manuscript.bin',
    ).expect(201);
    expect(response.body.mediaType).toBe('application/vnd.oasis.opendocument.text');
    const copy = await JSZip.loadAsync(
      await buffer(await stack.api.get(FileStorage).get(response.body.anonymisedKey)),
    );
    expect(await copy.file('meta.xml')!.async('string')).not.toContain('Leila');
    expect(await copy.file('content.xml')!.async('string')).not.toContain('Benali');
    expect(Object.keys(copy.files)[0]).toBe('mimetype');
  });

  it('refuses to start a submission in a closed section', async () => {
    const author = await signIn(stack, 'author1');
    await stack.dataSource
      .getRepository(Section)
      .update({ id: sections['Book Reviews'] }, { openForSubmissions: false });
    const response = await stack
      .http()
      .post('/api/journals/volunteering/submissions')
      .set('Authorization', author)
      .send({ sectionId: sections['Book Reviews'], locale: 'ar' })
      .expect(409);
    expect(response.body.type).toBe('urn:tahkim:problem:section-closed');
    expect(
      await stack.dataSource
        .getRepository(Submission)
        .countBy({ sectionId: sections['Book Reviews'] }),
    ).toBe(0);
  });

  it('needs a signed-in user', async () => {
    await stack
      .http()
      .post('/api/journals/volunteering/submissions')
      .send({ sectionId: sections['Research Articles'], locale: 'ar' })
      .expect(401);
  });

  describe('removing a file from a draft', () => {
    let author: string;
    let id: string;

    const remove = (auth: string | null, submissionId: string, fileId: string) => {
      const call = stack.http().delete(`/api/submissions/${submissionId}/files/${fileId}`);
      return auth ? call.set('Authorization', auth) : call;
    };
    const view = async (submissionId: string) =>
      (
        await stack
          .http()
          .get(`/api/submissions/${submissionId}`)
          .set('Authorization', author)
          .expect(200)
      ).body as { files: { id: string }[]; events: { kind: string; data: object }[] };
    /** A supplementary file of its own bytes (nothing else in storage holds them). */
    const supplement = (body: string) =>
      makeDocx({ author: 'Maryam Al-Sayed', company: 'Qatar University', body });

    beforeAll(async () => {
      author = await signIn(stack, 'author3');
      id = await prepare(author, 'en', {
        content: await supplement('The manuscript to keep.'),
        filename: 'paper.docx',
      });
    });

    it('removes the author’s file with its review copy, its content and its report, on record', async () => {
      const wrong = await upload(
        author,
        id,
        'supplementary',
        await supplement(`Uploaded by mistake ${Date.now()}`),
        'wrong.docx',
      ).expect(201);
      const { id: fileId, storageKey, anonymisedKey } = wrong.body;
      expect(anonymisedKey).toBeTruthy();

      await remove(author, id, fileId).expect(204);

      expect((await view(id)).files.map((file) => file.id)).not.toContain(fileId);
      await stack
        .http()
        .get(`/api/submissions/${id}/files/${fileId}/content`)
        .set('Authorization', author)
        .expect(404);
      const storage = stack.api.get(FileStorage);
      expect([await storage.exists(storageKey), await storage.exists(anonymisedKey)]).toEqual([
        false,
        false,
      ]);
      expect((await view(id)).events.at(-1)).toMatchObject({
        kind: 'file_removed',
        data: { fileId, genre: 'supplementary', originalName: 'wrong.docx' },
      });
      const [audit] = await stack.dataSource.query(
        `SELECT actor_user_id, before FROM audit_events
          WHERE action = 'submission_file.removed' AND object_id = $1`,
        [id],
      );
      expect(audit.before).toMatchObject({ fileId, originalName: 'wrong.docx' });
      expect(audit.actor_user_id).toBeTruthy();
      // Gone: a second removal finds nothing.
      await remove(author, id, fileId).expect(404);
    });

    it('keeps content that another file holds (the same bytes uploaded twice)', async () => {
      const bytes = await supplement(`Twice ${Date.now()}`);
      const first = await upload(author, id, 'supplementary', bytes, 'a.docx').expect(201);
      const second = await upload(author, id, 'supplementary', bytes, 'b.docx').expect(201);
      expect(second.body.storageKey).toBe(first.body.storageKey);
      await remove(author, id, first.body.id).expect(204);
      await stack
        .http()
        .get(`/api/submissions/${id}/files/${second.body.id}/content`)
        .set('Authorization', author)
        .expect(200);
      expect(await stack.api.get(FileStorage).exists(second.body.anonymisedKey)).toBe(true);
      await remove(author, id, second.body.id).expect(204);
    });

    it('hides the file from another author (404), and from a caller not signed in (401)', async () => {
      const [manuscript] = (await view(id)).files;
      const other = await signIn(stack, 'author2');
      const hidden = await remove(other, id, manuscript.id).expect(404);
      expect(hidden.body.type).toBe('urn:tahkim:problem:not-found');
      await remove(null, id, manuscript.id).expect(401);
      expect((await view(id)).files.map((file) => file.id)).toContain(manuscript.id);
    });

    it('answers 404 for an unknown file and for a file of another submission', async () => {
      await remove(author, id, '00000000-0000-4000-8000-000000000000').expect(404);
      const elsewhere = await stack
        .http()
        .post('/api/journals/volunteering/submissions')
        .set('Authorization', author)
        .send({ sectionId: sections['Research Articles'], locale: 'en' })
        .expect(201);
      const theirs = await upload(author, elsewhere.body.id, 'figure', PNG, 'figure.png').expect(
        201,
      );
      await remove(author, id, theirs.body.id).expect(404);
      expect(
        await stack.dataSource.getRepository(SubmissionFile).existsBy({ id: theirs.body.id }),
      ).toBe(true);
    });

    it('refuses once the submission is sent (409), removing nothing', async () => {
      await stack
        .http()
        .post(`/api/submissions/${id}/submit`)
        .set('Authorization', author)
        .expect(200);
      const [manuscript] = (await view(id)).files as { id: string; storageKey: string }[];
      const refused = await remove(author, id, manuscript.id).expect(409);
      expect(refused.body.type).toBe('urn:tahkim:problem:file-not-removable');
      expect((await view(id)).files.map((file) => file.id)).toEqual([manuscript.id]);
      expect(await stack.api.get(FileStorage).exists(manuscript.storageKey)).toBe(true);
      expect((await view(id)).events.at(-1)!.kind).toBe('submitted');
    });
  });
});
