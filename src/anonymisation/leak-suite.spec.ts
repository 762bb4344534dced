/**
 * The leak suite: for every format the pipeline cleans, a file that names its three
 * contributors (Latin, Arabic, Tifinagh) everywhere the format can hold a name outside its
 * prose (test/support/leak-fixtures.ts), and a scanner that looks for the names in the bytes
 * and in everything unpacked from them, recursively (test/support/leak-scan.ts).
 *
 * For each fixture: the input leaks at every planted place; the cleaned copy names nobody except
 * in the one mention in the prose, which is kept and reported with its place; the report says
 * what was removed and which embedded files were cleaned; images keep their pixels.
 */
import {
  closeLeakFixtureTools,
  CONTRIBUTOR_NAMES,
  docxWithOleObject,
  docxWithZip,
  encryptedPdf,
  LEAK_FIXTURES,
  MEDIA_TYPES,
  type LeakFixture,
  NEEDLES,
  pdfFixture,
  plainZip,
  svgFixture,
  xlsxFixture,
} from '../../test/support/leak-fixtures';
import { describeHits, findImages, findPlanted, imageEssence } from '../../test/support/leak-scan';
import type { RemovalKind } from './cleaning-context';
import {
  anonymiseFile,
  type AnonymisedFile,
  DocumentAnonymisationError,
  UncleanableFileError,
} from './file-anonymiser';
import { closeImageCleaner } from './image-anonymiser';

const options = { contributorNames: CONTRIBUTOR_NAMES };

afterAll(async () => {
  await Promise.all([closeLeakFixtureTools(), closeImageCleaner()]);
});

type Summary = Record<RemovalKind, number>;
const summary = (counts: Partial<Summary>): Summary => ({
  property: 0,
  'comment-author': 0,
  'revision-author': 0,
  person: 0,
  'header-footer': 0,
  'image-metadata': 0,
  'whole-part': 0,
  ...counts,
});

const WORKBOOK_IN_DOCX = 'word/embeddings/Microsoft_Excel_Worksheet.xlsx';
const DOCUMENT_IN_XLSX = 'xl/embeddings/Microsoft_Word_Document.docx';
const WORKBOOK_IN_PPTX = 'ppt/embeddings/Microsoft_Excel_Worksheet.xlsx';

/** What each run must report: its summary counts, the embedded files cleaned, some removals. */
const REPORTS: Record<string, { summary: Summary; embeddedCleaned: string[]; removed?: string[] }> =
  {
    DOCX: {
      summary: summary({
        property: 18,
        'comment-author': 2,
        'revision-author': 4,
        person: 1,
        'header-footer': 2,
        'image-metadata': 2,
        'whole-part': 1,
      }),
      embeddedCleaned: [
        'word/media/image1.jpeg',
        WORKBOOK_IN_DOCX,
        `${WORKBOOK_IN_DOCX} › ${DOCUMENT_IN_XLSX}`,
        `${WORKBOOK_IN_DOCX} › ${DOCUMENT_IN_XLSX} › word/media/image1.png`,
      ],
      removed: [
        'docProps/custom.xml (whole part)',
        'docProps/thumbnail.jpeg (whole part)',
        'word/document.xml w:author (4)',
        'word/comments.xml w:initials',
        'word/header1.xml line naming a contributor',
        'word/footer1.xml line naming a contributor',
        'word/media/image1.jpeg image metadata (comment, EXIF, IPTC, XMP)',
        `${WORKBOOK_IN_DOCX} › ${DOCUMENT_IN_XLSX} › docProps/core.xml dc:creator`,
      ],
    },
    XLSX: {
      summary: summary({
        property: 17,
        'comment-author': 3,
        'revision-author': 3,
        person: 3,
        'header-footer': 3,
        'image-metadata': 1,
        'whole-part': 1,
      }),
      embeddedCleaned: [
        'xl/media/image1.png',
        DOCUMENT_IN_XLSX,
        `${DOCUMENT_IN_XLSX} › ${WORKBOOK_IN_DOCX}`,
      ],
      removed: [
        'xl/printerSettings/printerSettings1.bin (whole part)',
        'xl/workbook.xml x15ac:absPath',
        'xl/workbook.xml userName',
        'xl/comments1.xml author (2)',
        'xl/comments1.xml note author line',
        'xl/revisions/userNames.xml name',
        'xl/worksheets/sheet1.xml firstHeader',
        'xl/media/image1.png image metadata (PNG text, XMP, EXIF)',
      ],
    },
    PPTX: {
      summary: summary({
        property: 16,
        'comment-author': 6,
        'header-footer': 4,
        'image-metadata': 3,
      }),
      embeddedCleaned: [
        'ppt/media/image1.gif',
        'ppt/media/image2.tiff',
        WORKBOOK_IN_PPTX,
        `${WORKBOOK_IN_PPTX} › ${DOCUMENT_IN_XLSX}`,
        `${WORKBOOK_IN_PPTX} › ${DOCUMENT_IN_XLSX} › word/media/image1.png`,
      ],
      removed: [
        'ppt/authors.xml userId',
        'ppt/slides/slide1.xml line naming a contributor (2)',
        'ppt/notesMasters/notesMaster1.xml line naming a contributor',
      ],
    },
    ODT: {
      summary: summary({
        property: 12,
        'revision-author': 4,
        'header-footer': 3,
        'image-metadata': 1,
        'whole-part': 1,
      }),
      embeddedCleaned: [
        'Pictures/1000000000000001000000015A8D5E3F.webp',
        'ObjectReplacements/Object 1',
        'Object 3',
        'Object 3 › Object 3',
      ],
      removed: [
        'Thumbnails/thumbnail.png (whole part)',
        'content.xml dc:creator (3)',
        'styles.xml line naming a contributor (3)',
        'meta.xml meta:template',
        'settings.xml PrinterName',
        'Object 1/meta.xml dc:creator',
        'Object 3 › Object 3 › meta.xml dc:creator',
      ],
    },
    ODS: {
      summary: summary({
        property: 12,
        'revision-author': 3,
        'header-footer': 3,
        'image-metadata': 1,
      }),
      embeddedCleaned: [
        'Pictures/10000000000000080000000818E6A5B4.jpg',
        'ObjectReplacements/Object 1',
        'Object 3',
        'Object 3 › Object 3',
      ],
    },
    ODP: {
      summary: summary({
        property: 12,
        'revision-author': 2,
        'header-footer': 2,
        'image-metadata': 1,
      }),
      embeddedCleaned: [
        'Pictures/100000000000000200000002B4D3C2A1.tif',
        'ObjectReplacements/Object 1',
        'Object 3',
        'Object 3 › Object 3',
      ],
      removed: ['content.xml presentation:header-decl', 'content.xml presentation:footer-decl'],
    },
    PDF: {
      summary: summary({
        property: 26,
        'comment-author': 3,
        'image-metadata': 1,
        'whole-part': 5,
      }),
      // Attachments whose file names named a contributor are renamed before anything reports them.
      embeddedCleaned: [
        'attachment-1.docx',
        `attachment-1.docx › ${WORKBOOK_IN_DOCX}`,
        'attachment-2.docx',
        'PDF image 6',
      ],
      removed: [
        'PDF Info /Author',
        'PDF Info /LastModifiedBy',
        'PDF /Metadata (XMP metadata) (2)',
        'PDF annotation /T (3)',
        'PDF attachment file name naming a contributor (now attachment-1.docx)',
        'PDF attachment attachment-1.docx /Desc',
        'PDF image 6 image metadata (comment, EXIF, IPTC, XMP)',
      ],
    },
    JPEG: { summary: summary({ 'image-metadata': 1 }), embeddedCleaned: [] },
    PNG: { summary: summary({ 'image-metadata': 1 }), embeddedCleaned: [] },
    TIFF: { summary: summary({ 'image-metadata': 1 }), embeddedCleaned: [] },
    WebP: { summary: summary({ 'image-metadata': 1 }), embeddedCleaned: [] },
    GIF: { summary: summary({ 'image-metadata': 1 }), embeddedCleaned: [] },
    SVG: {
      summary: summary({ property: 2, 'image-metadata': 2 }),
      embeddedCleaned: [],
      removed: ['SVG metadata', 'SVG comments', 'SVG file paths (2)'],
    },
    Markdown: {
      summary: summary({ property: 4 }),
      embeddedCleaned: [],
      removed: [
        'front matter author',
        'front matter authors',
        'front matter orcid',
        'front matter email',
      ],
    },
    CSV: { summary: summary({}), embeddedCleaned: [] },
    'plain text': { summary: summary({}), embeddedCleaned: [] },
  };

describe.each(Object.keys(LEAK_FIXTURES))('leak suite: %s', (label) => {
  let fixture: LeakFixture;
  let result: AnonymisedFile | Error;

  beforeAll(async () => {
    fixture = await LEAK_FIXTURES[label]();
    result = await anonymiseFile(fixture.bytes, fixture.mediaType, options).catch(
      (error: Error) => error,
    );
  });

  /** The cleaned copy; a refusal fails the tests that need it, not the fixture's own test. */
  const cleaned = (): AnonymisedFile => {
    if (result instanceof Error) throw result;
    return result;
  };

  it('starts from a fixture that does leak, at every planted place', () => {
    const hits = findPlanted(fixture.bytes, NEEDLES);
    const missing = fixture.planted.filter(
      (p) => !hits.some((hit) => hit.where === p.at && hit.needle === p.needle),
    );
    expect(missing).toEqual([]);
    if (fixture.prose) {
      const { name, at } = fixture.prose;
      expect(hits).toContainEqual(expect.objectContaining({ needle: name, where: at }));
    }
  });

  it('leaves the names nowhere but in the one prose mention', () => {
    const hits = findPlanted(cleaned().content, NEEDLES);
    const prose = fixture.prose;
    const proseAt = prose?.cleanedAt ?? prose?.at;
    const outside = hits.filter(
      (hit) => !prose || hit.where !== proseAt || !prose.name.includes(hit.needle),
    );
    expect(describeHits(outside)).toEqual([]);
    if (prose) {
      const mentions = hits.filter((hit) => hit.needle === prose.name);
      expect(mentions.reduce((sum, hit) => sum + hit.count, 0)).toBe(1);
    }
  });

  it('reports the prose mention, with its place and page, paragraph or line', () => {
    const prose = fixture.prose;
    expect(cleaned().nameWarnings).toEqual(
      prose
        ? [{ name: prose.name, excerpt: expect.stringContaining(prose.name), ...prose.warning }]
        : [],
    );
  });

  it('reports what it removed and which embedded files it cleaned', () => {
    const expected = REPORTS[label];
    const { summary: counts, embeddedCleaned, removed } = cleaned();
    expect(counts).toEqual(expected.summary);
    expect([...embeddedCleaned].sort()).toEqual([...expected.embeddedCleaned].sort());
    expect(removed).toEqual(expect.arrayContaining(expected.removed ?? []));
    // Every removal is counted once in the summary.
    const counted = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const listed = removed
      .map((line) => Number(/ \((\d+)\)$/u.exec(line)?.[1] ?? 1))
      .reduce((sum, n) => sum + n, 0);
    expect(counted).toBe(listed);
  });

  it('keeps every image pixel for pixel, with what changes how it shows', () => {
    const after = new Map(findImages(cleaned().content).map((image) => [image.where, image]));
    for (const image of findImages(fixture.bytes)) {
      const copy = after.get(image.where);
      if (!copy) {
        // Only an image removed whole (a thumbnail) may be missing.
        expect(cleaned().removed).toContain(`${image.where} (whole part)`);
        continue;
      }
      expect([image.where, imageEssence(copy.bytes, copy.format)]).toEqual([
        image.where,
        imageEssence(image.bytes, image.format),
      ]);
      // …and the metadata did change: the copy is not the same bytes.
      expect(copy.bytes.equals(image.bytes)).toBe(false);
    }
  });
});

describe('leak suite: the scanner', () => {
  it('reads every encoding the fixtures use, and opens zips three deep', async () => {
    const fixtures = [...(await Promise.all([pdfFixture(), xlsxFixture()])), svgFixture()];
    const hits = fixtures.flatMap((fixture) => findPlanted(fixture.bytes, NEEDLES));
    expect(new Set(hits.map((hit) => hit.form))).toEqual(
      new Set([
        'utf8', // XML parts, EXIF, XMP, IPTC
        'utf16le', // EXIF XPAuthor, a printer's DEVMODE
        'utf16be', // a PDF literal string with a byte-order mark
        'latin1', // a PDF literal string in PDFDocEncoding
        'pdf-hex', // text drawn with a standard font
        'pdf-hex-latin1',
        'pdf-hex-utf16be', // PDF hex strings with a byte-order mark
        'pdf-literal-utf16be', // an escaped ")" inside a UTF-16 literal
        'xml-ncr', // names written as character references
      ]),
    );
    expect(hits.map((hit) => hit.where)).toContainEqual(
      `${DOCUMENT_IN_XLSX} › ${WORKBOOK_IN_DOCX} › docProps/core.xml › cp:coreProperties/dc:creator`,
    );
  });

  it('finds a name in a compressed PNG text chunk, which a byte search cannot', async () => {
    const png = (await LEAK_FIXTURES.PNG()).bytes;
    expect(png.includes(Buffer.from(CONTRIBUTOR_NAMES[1], 'utf8'))).toBe(true); // iTXt Title
    expect(findPlanted(png, NEEDLES)).toContainEqual({
      needle: CONTRIBUTOR_NAMES[1],
      where: 'zTXt Copyright',
      form: 'utf8',
      count: 1,
    });
  });
});

describe('leak suite: files the pipeline cannot clean are refused, saying why', () => {
  const refusal = async (input: Promise<Buffer>, mediaType: string) => {
    const error = await anonymiseFile(await input, mediaType, options).catch((e: Error) => e);
    expect(error).toBeInstanceOf(UncleanableFileError);
    return (error as Error).message;
  };

  it('an OLE object embedded in a DOCX', async () => {
    expect(await refusal(docxWithOleObject(), MEDIA_TYPES.docx)).toBe(
      'word/embeddings/oleObject1.bin is an embedded OLE object or macro project, which Tahkim cannot clean',
    );
  });

  it('a zip archive, uploaded or embedded', async () => {
    expect(await refusal(plainZip(), 'application/zip')).toMatch(
      /^The file is a zip archive, which Tahkim cannot clean/u,
    );
    expect(await refusal(docxWithZip(), MEDIA_TYPES.docx)).toMatch(
      /^word\/embeddings\/data\.zip is a zip archive, which Tahkim cannot clean/u,
    );
  });

  it('an encrypted PDF', async () => {
    expect(await refusal(encryptedPdf(), 'application/pdf')).toBe(
      'The file is an encrypted PDF, so it cannot be cleaned',
    );
  });

  it('and a damaged file is not mistaken for an uncleanable one', async () => {
    const docx = (await LEAK_FIXTURES.DOCX()).bytes;
    const error = await anonymiseFile(docx.subarray(0, 2000), MEDIA_TYPES.docx, options)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentAnonymisationError);
    expect(error).not.toBeInstanceOf(UncleanableFileError);
  });
});
