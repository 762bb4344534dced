import JSZip from 'jszip';
import mammoth from 'mammoth';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { anonymiseFile, DocumentAnonymisationError, UncleanableFileError } from './file-anonymiser';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const PDF = 'application/pdf';
const MARKDOWN = 'text/markdown';

const contributorNames = ['Leila Benali', 'ليلى بنعلي'];
/** What must not survive anywhere outside the prose (where it is reported instead). */
const IDENTIFYING = ['Leila', 'Benali', 'ليلى', 'بنعلي', 'Ibn Tofail'];
const ARABIC_BODY_SENTENCE = 'كما بيّنت ليلى بنعلي في دراسة سابقة.';

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Every entry of a zip, by name, as text (all fixture entries are text). */
async function entriesOf(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const entries = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.set(file.name, await file.async('string'));
  }
  return entries;
}

/** Identifying strings found in each entry, e.g. { 'docProps/core.xml': ['Leila'] }. */
function leaks(entries: Map<string, string>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, text] of entries) {
    const hits = IDENTIFYING.filter((needle) => text.includes(needle));
    if (hits.length > 0) found[name] = hits;
  }
  return found;
}

/** The local file headers of a zip, in file order: name, compression method, extra length. */
function localHeaders(buffer: Buffer): Array<{ name: string; method: number; extra: number }> {
  const headers: Array<{ name: string; method: number; extra: number }> = [];
  for (let at = 0; buffer.readUInt32LE(at) === 0x04034b50;) {
    const flags = buffer.readUInt16LE(at + 6);
    expect(flags & 0x08).toBe(0); // sizes in the header, no data descriptor, so we can walk
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    headers.push({ name: buffer.toString('utf8', at + 30, at + 30 + nameLength), method, extra });
    at += 30 + nameLength + extra + size;
  }
  return headers;
}

// --- DOCX ------------------------------------------------------------------------------------

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const docxParts: Record<string, string> = {
  '[Content_Types].xml':
    xmlHead +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
    '<Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
    '</Types>',
  '_rels/.rels':
    xmlHead +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    `<Relationship Id="rId4" Type="${REL}/custom-properties" Target="/docProps/custom.xml"/>` +
    '</Relationships>',
  'word/_rels/document.xml.rels':
    xmlHead +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/comments" Target="comments.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>` +
    '</Relationships>',
  'word/document.xml':
    xmlHead +
    `<w:document ${W_NS}><w:body>` +
    '<w:p><w:r><w:t>Introduction: diglossia in Moroccan classrooms.</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t xml:space="preserve">Method text </w:t></w:r>' +
    '<w:ins w:id="1" w:author="Leila Benali" w:date="2024-03-01T10:00:00Z">' +
    '<w:r><w:t>with an inserted sentence.</w:t></w:r></w:ins>' +
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="2" w:author="ليلى بنعلي &amp; Ibn Tofail" w:date="2024-03-01T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr>' +
    '<w:t>Bold results.</w:t></w:r></w:p>' +
    '<w:p><w:commentRangeStart w:id="0"/>' +
    `<w:r><w:t>${ARABIC_BODY_SENTENCE}</w:t></w:r>` +
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' +
    '<w:sectPr/></w:body></w:document>',
  'word/comments.xml':
    xmlHead +
    `<w:comments ${W_NS}>` +
    '<w:comment w:id="0" w:author="Leila Benali" w:date="2024-03-01T10:00:00Z" w:initials="LB">' +
    '<w:p><w:r><w:t>Check the sample size.</w:t></w:r></w:p></w:comment>' +
    '</w:comments>',
  'word/people.xml':
    xmlHead +
    `<w15:people ${W_NS}>` +
    '<w15:person w15:author="Leila Benali">' +
    '<w15:presenceInfo w15:providerId="AD" w15:userId="S::leila.benali@uit.ac.ma::1234"/>' +
    '</w15:person></w15:people>',
  'docProps/core.xml':
    xmlHead +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
    '<dc:title>Diglossia in Moroccan classrooms</dc:title>' +
    '<dc:creator>ليلى بنعلي</dc:creator>' +
    '<cp:keywords>diglossia; Morocco</cp:keywords>' +
    '<dc:description>Draft by Leila BENALI</dc:description>' +
    '<cp:lastModifiedBy>Leila Benali</cp:lastModifiedBy>' +
    '<cp:revision>7</cp:revision>' +
    '</cp:coreProperties>',
  'docProps/app.xml':
    xmlHead +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Template>Normal.dotm</Template><Pages>1</Pages>' +
    '<Company>Université Ibn Tofail</Company><Manager>Leila Benali</Manager>' +
    '</Properties>',
  'docProps/custom.xml':
    xmlHead +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ORCID owner">' +
    '<vt:lpwstr>Leila Benali</vt:lpwstr></property></Properties>',
};

async function buildZip(parts: Record<string, string>, stored: string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) {
    // No directory entries, like Word's own output.
    zip.file(name, text, {
      compression: stored.includes(name) ? 'STORE' : 'DEFLATE',
      createFolders: false,
    });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('anonymiseFile: DOCX', () => {
  let input: Buffer;
  let output: Awaited<ReturnType<typeof anonymiseFile>>;
  let entries: Map<string, string>;

  beforeAll(async () => {
    input = await buildZip(docxParts);
    output = await anonymiseFile(input, DOCX, { contributorNames });
    entries = await entriesOf(output.content);
  });

  it('starts from a fixture that does leak, everywhere the test looks', async () => {
    expect(Object.keys(leaks(await entriesOf(input))).sort()).toEqual([
      'docProps/app.xml',
      'docProps/core.xml',
      'docProps/custom.xml',
      'word/comments.xml',
      'word/document.xml',
      'word/people.xml',
    ]);
  });

  it('leaves the names and the company nowhere but in the prose, which is reported', () => {
    expect(leaks(entries)).toEqual({ 'word/document.xml': ['ليلى', 'بنعلي'] });
    // The only Arabic mention left is the sentence of the body itself, once.
    const document = entries.get('word/document.xml')!;
    expect(document.split('ليلى').length - 1).toBe(1);
    expect(document).toContain(`<w:t>${ARABIC_BODY_SENTENCE}</w:t>`);
    expect(output.nameWarnings).toEqual([
      {
        name: 'ليلى بنعلي',
        excerpt: `…Bold results. ${ARABIC_BODY_SENTENCE}`,
        location: 'body',
        paragraph: 3,
      },
    ]);
    expect(output.bodyTextChecked).toBe(true);
  });

  it('drops docProps/custom.xml and every reference to it', () => {
    expect(entries.has('docProps/custom.xml')).toBe(false);
    for (const text of entries.values()) expect(text).not.toContain('custom');
    expect(output.removed).toContain('docProps/custom.xml (whole part)');
  });

  it('neutralises tracked-change and comment authors as Author / A', () => {
    const document = entries.get('word/document.xml')!;
    expect(document).toContain('<w:ins w:id="1" w:author="Author" w:date="2024-03-01T10:00:00Z">');
    expect(document).toContain('<w:rPrChange w:id="2" w:author="Author" w:date=');
    expect(entries.get('word/comments.xml')).toContain(
      '<w:comment w:id="0" w:author="Author" w:date="2024-03-01T10:00:00Z" w:initials="A">',
    );
    expect(entries.get('word/people.xml')).toBe(`${xmlHead}<w15:people ${W_NS}></w15:people>`);
  });

  it('blanks the creator fields and names in descriptions, and keeps the rest', () => {
    const core = entries.get('docProps/core.xml')!;
    expect(core).toContain('<dc:creator></dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy></cp:lastModifiedBy>');
    expect(core).toContain('<dc:description></dc:description>');
    expect(core).toContain('<dc:title>Diglossia in Moroccan classrooms</dc:title>');
    expect(core).toContain('<cp:keywords>diglossia; Morocco</cp:keywords>');
    expect(core).toContain('<cp:revision>7</cp:revision>');
    const app = entries.get('docProps/app.xml')!;
    expect(app).toContain('<Company></Company><Manager></Manager>');
    expect(app).toContain('<Template>Normal.dotm</Template>');
  });

  it('lists what it removed', () => {
    expect([...output.removed].sort()).toEqual(
      [
        'docProps/app.xml Company',
        'docProps/app.xml Manager',
        'docProps/core.xml cp:lastModifiedBy',
        'docProps/core.xml dc:creator',
        'docProps/core.xml dc:description',
        'docProps/custom.xml (whole part)',
        'word/comments.xml w:author',
        'word/comments.xml w:initials',
        'word/document.xml w:author (2)',
        'word/people.xml w15:person',
      ].sort(),
    );
  });

  it('keeps the body readable, in the same entry order, DEFLATE-compressed', async () => {
    const text = (await mammoth.extractRawText({ buffer: output.content })).value;
    expect(text).toContain('Introduction: diglossia in Moroccan classrooms.');
    expect(text).toContain('Method text with an inserted sentence.Bold results.');
    expect(text).toContain(ARABIC_BODY_SENTENCE);
    const headers = localHeaders(output.content);
    expect(headers.map((h) => h.name)).toEqual(
      Object.keys(docxParts).filter((name) => name !== 'docProps/custom.xml'),
    );
    expect(headers.every((h) => h.method === 8)).toBe(true);
  });

  it('puts [Content_Types].xml first even when the input did not', async () => {
    const { '[Content_Types].xml': types, ...rest } = docxParts;
    const reordered = await buildZip({ ...rest, '[Content_Types].xml': types });
    const result = await anonymiseFile(reordered, DOCX, { contributorNames });
    expect(localHeaders(result.content)[0].name).toBe('[Content_Types].xml');
  });

  it('removes thumbnails and shortens the attached template path, warning about other parts', async () => {
    const result = await anonymiseFile(
      await buildZip({
        ...docxParts,
        'docProps/thumbnail.jpeg': 'not really a jpeg',
        'word/_rels/settings.xml.rels':
          xmlHead +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/attachedTemplate" ` +
          'Target="file:///C:\\Users\\leila.benali\\Templates\\Thesis.dotx" TargetMode="External"/>' +
          '</Relationships>',
        'word/footer1.xml': `${xmlHead}<w:ftr ${W_NS}><w:p><w:r><w:t>Draft – L. Benali</w:t></w:r></w:p></w:ftr>`,
        'word/document.xml': docxParts['word/document.xml'].replace(
          '<w:sectPr/>',
          '<w:p><w:del w:id="3" w:author="Leila Benali"><w:r><w:delText>Thanks to Leila Benali.</w:delText></w:r></w:del></w:p><w:sectPr/>',
        ),
      }),
      DOCX,
      { contributorNames },
    );
    const resultEntries = await entriesOf(result.content);
    expect(resultEntries.has('docProps/thumbnail.jpeg')).toBe(false);
    expect(resultEntries.get('word/_rels/settings.xml.rels')).toContain('Target="Thesis.dotx"');
    expect(result.removed).toEqual(
      expect.arrayContaining([
        'docProps/thumbnail.jpeg (whole part)',
        'word/_rels/settings.xml.rels attachedTemplate path',
      ]),
    );
    // The footer line that signs the draft is emptied (it prints on every page), not reported.
    expect(resultEntries.get('word/footer1.xml')).not.toContain('Benali');
    expect(result.removed).toContain('word/footer1.xml line naming a contributor');
    expect(result.nameWarnings.map(({ name, location }) => `${location}: ${name}`)).toEqual([
      'body: ليلى بنعلي',
      'word/document.xml (deleted text): Leila Benali',
    ]);
  });
});

// --- ODT -------------------------------------------------------------------------------------

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink"';

const odtParts: Record<string, string> = {
  mimetype: ODT,
  'META-INF/manifest.xml':
    xmlHead +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT}"/>` +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>' +
    '</manifest:manifest>',
  'content.xml':
    xmlHead +
    `<office:document-content ${ODF_NS} office:version="1.3"><office:body><office:text>` +
    '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:insertion>' +
    '<office:change-info><dc:creator>ليلى بنعلي</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info>' +
    '</text:insertion></text:changed-region></text:tracked-changes>' +
    '<text:h text:outline-level="1">Introduction</text:h>' +
    '<text:p>Diglossia<text:s/>persists.<office:annotation>' +
    '<dc:creator>Leila Benali</dc:creator><dc:date>2024-03-01T10:00:00</dc:date>' +
    '<meta:creator-initials>LB</meta:creator-initials><text:p>Check the sample.</text:p>' +
    '</office:annotation></text:p>' +
    `<text:p><text:change-start text:change-id="ct1"/>${ARABIC_BODY_SENTENCE}<text:change-end text:change-id="ct1"/></text:p>` +
    '</office:text></office:body></office:document-content>',
  'styles.xml':
    xmlHead +
    `<office:document-styles ${ODF_NS} office:version="1.3"><office:styles/></office:document-styles>`,
  'meta.xml':
    xmlHead +
    `<office:document-meta ${ODF_NS} office:version="1.3"><office:meta>` +
    '<meta:generator>LibreOffice/7.6</meta:generator>' +
    '<dc:title>Diglossia in Moroccan classrooms</dc:title>' +
    '<meta:initial-creator>Leila Benali</meta:initial-creator>' +
    '<dc:creator>ليلى بنعلي</dc:creator>' +
    '<meta:printed-by>Leila Benali</meta:printed-by>' +
    '<meta:template xlink:type="simple" xlink:href="file:///home/leila.benali/Templates/uit.ott" xlink:title="uit"/>' +
    '<meta:user-defined meta:name="Institution">Université Ibn Tofail</meta:user-defined>' +
    '<meta:editing-cycles>4</meta:editing-cycles>' +
    '</office:meta></office:document-meta>',
  'Thumbnails/thumbnail.png': 'stand-in for a PNG of the title page',
};

describe('anonymiseFile: ODT', () => {
  let output: Awaited<ReturnType<typeof anonymiseFile>>;
  let entries: Map<string, string>;

  beforeAll(async () => {
    const input = await buildZip(odtParts, ['mimetype']);
    expect(Object.keys(leaks(await entriesOf(input))).sort()).toEqual(['content.xml', 'meta.xml']);
    output = await anonymiseFile(input, ODT, { contributorNames });
    entries = await entriesOf(output.content);
  });

  it('keeps mimetype the first entry, stored, with no extra field', () => {
    const [first] = localHeaders(output.content);
    expect(first).toEqual({ name: 'mimetype', method: 0, extra: 0 });
    expect(output.content.toString('latin1', 30, 30 + 8 + ODT.length)).toBe(`mimetype${ODT}`);
  });

  it('leaves the names and the institution only in the prose, which is reported', () => {
    expect(leaks(entries)).toEqual({ 'content.xml': ['ليلى', 'بنعلي'] });
    expect(entries.get('content.xml')!.split('ليلى').length - 1).toBe(1);
    // Annotation text is part of the body text (a reviewer sees it too).
    expect(output.nameWarnings).toEqual([
      {
        name: 'ليلى بنعلي',
        excerpt: `…k the sample. ${ARABIC_BODY_SENTENCE}`,
        location: 'body',
        paragraph: 4,
      },
    ]);
  });

  it('neutralises annotation and tracked-change authors, blanks initials', () => {
    const content = entries.get('content.xml')!;
    expect(content).toContain(
      '<office:change-info><dc:creator>Author</dc:creator><dc:date>2024-03-01T10:00:00</dc:date>',
    );
    expect(content).toContain(
      '<office:annotation><dc:creator>Author</dc:creator><dc:date>2024-03-01T10:00:00</dc:date>' +
        '<meta:creator-initials></meta:creator-initials><text:p>Check the sample.</text:p>',
    );
    expect(content).toContain('<text:h text:outline-level="1">Introduction</text:h>');
  });

  it('removes the people from meta.xml and keeps the rest', () => {
    expect(entries.get('meta.xml')).toBe(
      xmlHead +
        `<office:document-meta ${ODF_NS} office:version="1.3"><office:meta>` +
        '<meta:generator>LibreOffice/7.6</meta:generator>' +
        '<dc:title>Diglossia in Moroccan classrooms</dc:title>' +
        '<meta:editing-cycles>4</meta:editing-cycles>' +
        '</office:meta></office:document-meta>',
    );
  });

  it('drops the thumbnail and its manifest entry', () => {
    expect(entries.has('Thumbnails/thumbnail.png')).toBe(false);
    expect(entries.get('META-INF/manifest.xml')).not.toContain('Thumbnails');
    expect([...output.removed].sort()).toEqual(
      [
        'Thumbnails/thumbnail.png (whole part)',
        'content.xml dc:creator (2)',
        'content.xml meta:creator-initials',
        'meta.xml dc:creator',
        'meta.xml meta:initial-creator',
        'meta.xml meta:printed-by',
        'meta.xml meta:template',
        'meta.xml meta:user-defined',
      ].sort(),
    );
  });

  it('keeps every other entry in its order', () => {
    expect(localHeaders(output.content).map((h) => h.name)).toEqual(
      Object.keys(odtParts).filter((name) => name !== 'Thumbnails/thumbnail.png'),
    );
  });

  it('keeps directory entries the input had, and invents none', async () => {
    const zip = new JSZip();
    zip.file('mimetype', ODT, { compression: 'STORE' });
    zip.folder('Configurations2/');
    zip.file('content.xml', odtParts['content.xml']);
    const input = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const result = await anonymiseFile(input, ODT, { contributorNames: [] });
    expect(localHeaders(result.content).map((h) => h.name)).toEqual([
      'mimetype',
      'Configurations2/',
      'content.xml',
    ]);
  });
});

// --- PDF -------------------------------------------------------------------------------------

/** The ways a PDF writer may store `text`: UTF-8/Latin-1 bytes, UTF-16BE bytes, or UTF-16BE hex. */
function pdfForms(text: string): Array<Buffer | RegExp> {
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  return [Buffer.from(text, 'utf8'), utf16be, new RegExp(utf16be.toString('hex'), 'i')];
}

function pdfLeaks(bytes: Buffer): string[] {
  const latin1 = bytes.toString('latin1');
  return IDENTIFYING.filter((needle) =>
    pdfForms(needle).some((form) =>
      form instanceof RegExp ? form.test(latin1) : bytes.includes(form),
    ),
  );
}

const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  '<dc:creator><rdf:Seq><rdf:li>Leila Benali</rdf:li><rdf:li>ليلى بنعلي</rdf:li></rdf:Seq></dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

async function buildPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage().drawText('Diglossia in Moroccan classrooms', { x: 50, y: 700, font });
  const page = document.addPage();
  document.setTitle('Diglossia in Moroccan classrooms');
  document.setSubject('Sociolinguistics');
  document.setAuthor('Leila Benali');
  document.setCreator('Microsoft Word - ليلى بنعلي');
  document.setProducer('Leila Benali PDF printer');
  document.setKeywords(['diglossia', 'Benali corpus']);
  const { context } = document;
  const info = context.lookup(context.trailerInfo.Info) as PDFDict;
  info.set(PDFName.of('Company'), PDFString.of('Universite Ibn Tofail'));
  info.set(PDFName.of('SourceModified'), PDFString.of(''));

  document.catalog.set(
    PDFName.of('Metadata'),
    context.register(context.stream(XMP, { Type: 'Metadata', Subtype: 'XML' })),
  );

  const popup = context.register(
    context.obj({ Type: 'Annot', Subtype: 'Popup', Rect: [80, 80, 200, 140], T: 'x' }),
  );
  context.lookup(popup, PDFDict).set(PDFName.of('T'), PDFHexString.fromText('ليلى بنعلي'));
  const note = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [50, 50, 70, 70],
      Contents: PDFString.of('Check the sample size.'),
      T: PDFString.of('Leila Benali'),
      Popup: popup,
    }),
  );
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      Rect: [0, 0, 10, 10],
      T: PDFString.of('consent'),
    }),
  );
  // The pop-up is reachable only through its note, as some writers leave it.
  page.node.set(PDFName.of('Annots'), context.obj([note, widget]));

  // What an incremental save leaves behind: an old Info dictionary nothing points to any more.
  context.register(context.obj({ Author: PDFString.of('Leila Benali') }));

  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describe('anonymiseFile: PDF body text', () => {
  it('warns of a contributor named in the text, with the excerpt', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage().drawText('Diglossia in Moroccan classrooms', { x: 50, y: 700, font });
    document.addPage().drawText('As we showed earlier (Benali 2021), the corpus is balanced.', {
      x: 50,
      y: 700,
      font,
    });
    const input = Buffer.from(await document.save());
    const output = await anonymiseFile(input, PDF, { contributorNames });
    expect(output.bodyTextChecked).toBe(true);
    expect(output.nameWarnings).toEqual([
      expect.objectContaining({
        name: expect.stringContaining('Benali'),
        location: 'body',
        excerpt: expect.stringContaining('(Benali 2021)'),
      }),
    ]);
  });

  it('says the text was not checked when a PDF has none (a scan)', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const output = await anonymiseFile(Buffer.from(await document.save()), PDF, {
      contributorNames,
    });
    expect(output.bodyTextChecked).toBe(false);
    expect(output.nameWarnings).toEqual([]);
  });
});

describe('anonymiseFile: PDF', () => {
  let input: Buffer;
  let output: Awaited<ReturnType<typeof anonymiseFile>>;
  let reloaded: PDFDocument;

  beforeAll(async () => {
    input = await buildPdf();
    output = await anonymiseFile(input, PDF, { contributorNames });
    reloaded = await PDFDocument.load(output.content, { updateMetadata: false });
  });

  it('starts from a fixture that leaks every identifying string', () => {
    expect(pdfLeaks(input)).toEqual(IDENTIFYING);
  });

  it('blanks author, creator, producer, and keywords that name someone; keeps the title', () => {
    expect(reloaded.getAuthor()).toBeUndefined();
    expect(reloaded.getCreator()).toBeUndefined();
    expect(reloaded.getProducer()).toBeUndefined();
    expect(reloaded.getKeywords()).toBeUndefined();
    expect(reloaded.getTitle()).toBe('Diglossia in Moroccan classrooms');
    expect(reloaded.getSubject()).toBe('Sociolinguistics');
    const info = reloaded.context.lookup(reloaded.context.trailerInfo.Info) as PDFDict;
    expect(
      info
        .keys()
        .map((key) => key.decodeText())
        .sort(),
    ).toEqual(['Subject', 'Title']);
  });

  it('removes the XMP metadata and every trace of the names from the bytes', () => {
    expect(reloaded.catalog.has(PDFName.of('Metadata'))).toBe(false);
    expect(output.content.includes('xmpmeta')).toBe(false);
    expect(pdfLeaks(output.content)).toEqual([]);
  });

  it('deletes comment authors but not form field names, and keeps the pages', () => {
    expect(reloaded.getPageCount()).toBe(2);
    const annotations = reloaded.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray);
    const [note, widget] = annotations
      .asArray()
      .map((ref) => reloaded.context.lookup(ref, PDFDict));
    const popup = note.lookup(PDFName.of('Popup'), PDFDict);
    expect(note.has(PDFName.of('T'))).toBe(false);
    expect(note.lookup(PDFName.of('Contents'), PDFString).decodeText()).toBe(
      'Check the sample size.',
    );
    expect(popup.has(PDFName.of('T'))).toBe(false);
    expect(widget.lookup(PDFName.of('T'), PDFString).decodeText()).toBe('consent');
  });

  it('says what it removed, and that the body text was searched and names nobody', () => {
    expect(output.bodyTextChecked).toBe(true);
    expect(output.nameWarnings).toEqual([]);
    expect(output.removed).toEqual(
      expect.arrayContaining([
        'PDF Info /Author',
        'PDF Info /Creator',
        'PDF Info /Producer',
        'PDF Info /Keywords',
        'PDF Info /Company',
        'PDF /Metadata (XMP metadata)',
        'PDF annotation /T (2)',
      ]),
    );
    expect(output.removed).not.toContain('PDF Info /Title');
    expect(output.removed).not.toContain('PDF Info /SourceModified'); // empty: not worth a line
    expect(
      output.removed.find((item) => item.startsWith('PDF unreferenced objects')),
    ).toBeDefined();
  });

  it('also reads PDFs saved with object streams', async () => {
    const compact = await PDFDocument.load(input);
    compact.setAuthor('Leila Benali');
    const result = await anonymiseFile(
      Buffer.from(await compact.save({ useObjectStreams: true })),
      PDF,
      { contributorNames },
    );
    expect(pdfLeaks(result.content)).toEqual([]);
    expect((await PDFDocument.load(result.content)).getPageCount()).toBe(2);
  });
});

// --- Markdown --------------------------------------------------------------------------------

describe('anonymiseFile: Markdown', () => {
  const anonymise = (text: string, names = contributorNames) =>
    anonymiseFile(Buffer.from(text, 'utf8'), MARKDOWN, { contributorNames: names });

  it('drops the identifying front-matter keys with their nested values, and nothing else', async () => {
    const input = [
      '---',
      'title: "Diglossia in Moroccan classrooms"',
      'author: Leila Benali',
      'authors:',
      '  - name: Leila Benali',
      '    affiliation: Université Ibn Tofail',
      '',
      '  - name: Youssef Alaoui',
      'Affiliation: Université Ibn Tofail',
      'email: leila@example.org',
      'orcid: 0000-0002-1825-0097',
      'keywords: [diglossia, Morocco] # author: kept, a comment',
      'contact:',
      '  email: leila@example.org',
      '  office: B12',
      'lang: ar',
      '---',
      '',
      '# Introduction',
      '',
      'author: this line is body text, not front matter.',
      '',
    ].join('\n');
    const result = await anonymise(input);
    expect(result.content.toString('utf8')).toBe(
      [
        '---',
        'title: "Diglossia in Moroccan classrooms"',
        'keywords: [diglossia, Morocco] # author: kept, a comment',
        'contact:',
        '  office: B12',
        'lang: ar',
        '---',
        '',
        '# Introduction',
        '',
        'author: this line is body text, not front matter.',
        '',
      ].join('\n'),
    );
    expect(result.removed).toEqual([
      'front matter author',
      'front matter authors',
      'front matter Affiliation',
      'front matter email',
      'front matter orcid',
      'front matter email',
    ]);
    expect(result.nameWarnings).toEqual([]);
  });

  it('keeps CRLF line endings and handles a front matter closed by "..."', async () => {
    const result = await anonymise('---\r\nauthor: X\r\ntitle: T\r\n...\r\nBody\r\n');
    expect(result.content.toString('utf8')).toBe('---\r\ntitle: T\r\n...\r\nBody\r\n');
  });

  it('leaves a file without front matter, or with an unclosed fence, as it is', async () => {
    for (const text of ['# Title\n\nauthor: body\n', '---\nauthor: Leila\n\nno closing fence\n']) {
      expect((await anonymise(text, [])).content.toString('utf8')).toBe(text);
    }
  });

  it('warns about names left in the body, Latin case-insensitively', async () => {
    const result = await anonymise(
      '---\nauthor: Leila Benali\n---\nAs LEILA BENALI showed (benali, 2019), and Benalia did not.\n',
    );
    expect(result.nameWarnings.map(({ name, location }) => ({ name, location }))).toEqual([
      { name: 'Leila Benali', location: 'body' },
      { name: 'Benali', location: 'body' },
    ]);
    expect(result.nameWarnings[0].excerpt).toContain('As LEILA BENALI showed');
  });

  it('warns about Arabic names written with harakat', async () => {
    const result = await anonymise('قالت لَيْلَى بَنْعَلِي في بحثها السابق.\n');
    expect(result.nameWarnings).toEqual([
      {
        name: 'ليلى بنعلي',
        excerpt: 'قالت لَيْلَى بَنْعَلِي في بحثها السابق.',
        location: 'body',
        line: 1,
      },
    ]);
  });
});

// --- Corrupt input ---------------------------------------------------------------------------

describe('anonymiseFile: input that is not what it claims', () => {
  const reject = (input: Buffer, mediaType: string) =>
    expect(anonymiseFile(input, mediaType, { contributorNames })).rejects.toThrow(
      DocumentAnonymisationError,
    );

  it('refuses bytes that are not a zip as DOCX or ODT', async () => {
    await reject(Buffer.from('Leila Benali, not a zip at all'), DOCX);
    await expect(anonymiseFile(Buffer.from('nope'), ODT, { contributorNames })).rejects.toThrow(
      /not a readable zip/,
    );
  });

  it('refuses a truncated DOCX', async () => {
    const docx = await buildZip(docxParts);
    await reject(docx.subarray(0, Math.floor(docx.length / 2)), DOCX);
  });

  it('refuses a zip that is not the format claimed', async () => {
    await expect(
      anonymiseFile(await buildZip({ 'readme.txt': 'hello' }), DOCX, { contributorNames }),
    ).rejects.toThrow(/not a Word document/);
    await expect(
      anonymiseFile(await buildZip(docxParts), ODT, { contributorNames }),
    ).rejects.toThrow(/not an OpenDocument text/);
    const spreadsheet = await buildZip(
      { ...odtParts, mimetype: 'application/vnd.oasis.opendocument.spreadsheet' },
      ['mimetype'],
    );
    await reject(spreadsheet, ODT);
  });

  it('refuses bytes that are not a PDF, or only start like one', async () => {
    await expect(
      anonymiseFile(await buildZip(docxParts), PDF, { contributorNames }),
    ).rejects.toThrow(/not a PDF/);
    await reject(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), PDF);
  });

  it('refuses Markdown that is not UTF-8 text', async () => {
    await reject(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]), MARKDOWN);
    await reject(Buffer.from('# Title\u0000binary', 'utf8'), MARKDOWN);
  });

  it('refuses a media type it does not handle, as uncleanable', async () => {
    await expect(
      anonymiseFile(Buffer.from('a,b\n'), 'application/x-tar', { contributorNames }),
    ).rejects.toThrow(UncleanableFileError);
  });

  it('never hands back the input bytes for a zip or a PDF', async () => {
    const docx = await buildZip(docxParts);
    const pdf = await buildPdf();
    expect((await anonymiseFile(docx, DOCX, { contributorNames: [] })).content).not.toEqual(docx);
    expect((await anonymiseFile(pdf, PDF, { contributorNames: [] })).content).not.toEqual(pdf);
  });
});
