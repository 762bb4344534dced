/**
 * Files that name their contributors everywhere a format can hold a name outside the prose,
 * built by code at test time (nothing binary is committed): office packages with their
 * properties, comments, tracked changes, people, headers and footers, images with EXIF, XMP,
 * IPTC and comments, and packages embedded two levels deep; PDFs with Info, XMP, annotation
 * authors, attachments and a photo; images of every kind the pipeline takes; SVG, Markdown,
 * CSV and plain text. Each text-bearing file also names one contributor once in its prose,
 * where the name must stay (and be reported).
 *
 * Each fixture says where it planted the names (`planted`, as leak-scan.ts's findPlanted
 * writes places) and where its one prose mention is (`prose`).
 *
 * Images are tiny, generated here (PNG, TIFF, a baseline JPEG) or well-known 1×1 files (WebP,
 * GIF), and ExifTool (exiftool-vendored) writes their metadata. Call closeLeakFixtureTools()
 * when done.
 */
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import JSZip from 'jszip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { INSIDE } from './leak-scan';

// --- Who is named -----------------------------------------------------------------------------

/** Three contributors, one per script: Latin (with an accent), Arabic, Tifinagh. */
export const CONTRIBUTORS = {
  latin: { full: 'Tiziri Aït Amezzane', given: 'Tiziri', family: 'Amezzane' },
  arabic: { full: 'سكينة الودغيري', given: 'سكينة', family: 'الودغيري' },
  tifinagh: { full: 'ⵉⴷⵉⵔ ⴰⵎⵖⴰⵔ', given: 'ⵉⴷⵉⵔ', family: 'ⴰⵎⵖⴰⵔ' },
} as const;

const { latin, arabic, tifinagh } = CONTRIBUTORS;

/** The names the pipeline is told to look for. */
export const CONTRIBUTOR_NAMES: readonly string[] = [latin.full, arabic.full, tifinagh.full];

/**
 * What must not be found outside the prose: every full, family and given name, and the Latin
 * family name in lower case (account names in paths and e-mail addresses).
 */
export const NEEDLES: readonly string[] = [
  ...Object.values(CONTRIBUTORS).flatMap(({ full, given, family }) => [full, family, given]),
  'amezzane',
];

// --- What a fixture says about itself -------------------------------------------------------

/** One place a name was planted: where findPlanted will report it, and which name. */
export interface Plant {
  at: string;
  needle: string;
  what: string;
}

/** The one mention in the prose, which must survive and be reported. */
export interface ProseMention {
  /** The full name as written in the prose. */
  name: string;
  /** Where findPlanted finds it in the fixture. */
  at: string;
  /** Where findPlanted finds it in the cleaned copy, when that differs (lines removed above). */
  cleanedAt?: string;
  /** The nameWarning the pipeline must give for it. */
  warning: { location: string; page?: number; paragraph?: number; line?: number };
}

export interface LeakFixture {
  label: string;
  mediaType: string;
  bytes: Buffer;
  planted: Plant[];
  prose?: ProseMention;
}

interface Built {
  bytes: Buffer;
  planted: Plant[];
}

const plant = (at: string, needle: string, what: string): Plant => ({ at, needle, what });

/** The plants of a file found at `prefix` inside another. */
const within = (prefix: string, planted: readonly Plant[]): Plant[] =>
  planted.map((p) => ({ ...p, at: p.at ? `${prefix}${INSIDE}${p.at}` : prefix }));

// --- Media types ------------------------------------------------------------------------------

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  markdown: 'text/markdown',
  csv: 'text/csv',
  text: 'text/plain',
} as const;

// --- Images -----------------------------------------------------------------------------------

let exiftool: ExifTool | undefined;
const tool = () => (exiftool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 }));

/** Ends the ExifTool process the fixtures started. */
export async function closeLeakFixtureTools(): Promise<void> {
  const running = exiftool;
  exiftool = undefined;
  await running?.end();
}

/** Writes metadata into an image with ExifTool; IPTC as UTF-8, so Arabic survives. */
async function withMetadata(image: Buffer, extension: string, tags: WriteTags): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'tahkim-leak-fixture-'));
  const path = join(directory, `image.${extension}`);
  try {
    await writeFile(path, image);
    await tool().write(path, tags, {
      writeArgs: ['-charset', 'iptc=UTF8', '-overwrite_original'],
    });
    return await readFile(path);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A minimal ICC profile (a monitor profile with a white point and nothing else). */
function iccProfile(): Buffer {
  const icc = Buffer.alloc(164);
  icc.writeUInt32BE(icc.length, 0);
  icc.writeUInt32BE(0x02100000, 8); // version 2.1
  icc.write('mntrRGB XYZ ', 12, 'latin1');
  icc.writeUInt16BE(2024, 24);
  icc.writeUInt16BE(1, 26);
  icc.writeUInt16BE(1, 28);
  icc.write('acsp', 36, 'latin1');
  [63190, 65536, 54061].forEach((v, i) => icc.writeInt32BE(v, 68 + 4 * i)); // D50
  icc.writeUInt32BE(1, 128); // one tag: the media white point
  icc.write('wtpt', 132, 'latin1');
  icc.writeUInt32BE(144, 136);
  icc.writeUInt32BE(20, 140);
  icc.write('XYZ ', 144, 'latin1');
  [63190, 65536, 54061].forEach((v, i) => icc.writeInt32BE(v, 152 + 4 * i));
  return icc;
}

/**
 * An 8×8 grey baseline JPEG, written by hand: one block whose DC difference and AC run are
 * each a one-bit Huffman code. With JFIF, an ICC profile and Adobe APP14, which must survive.
 */
export function baseJpeg(comment?: string): Buffer {
  const huffman = (tableClass: number) =>
    segment(0xc4, Buffer.from([tableClass, 1, ...new Array<number>(15).fill(0), 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\x01\x00\x48\x00\x48\x00\x00', 'latin1')),
    segment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), iccProfile()])),
    segment(0xee, Buffer.from('Adobe\0\x64\0\0\0\0\0', 'latin1')),
    ...(comment ? [segment(0xfe, Buffer.from(comment, 'utf8'))] : []),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    huffman(0x00),
    huffman(0x10),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f, 0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG with sRGB, gamma and resolution (which must survive), and `text` chunks. */
export function basePng(text: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.from([0, 200, 30, 30, 30, 200, 30, 0, 30, 30, 200, 240, 240, 240]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('sRGB', Buffer.from([0])),
    pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    pngChunk('pHYs', Buffer.from('00000b1300000b1301', 'hex')),
    ...text,
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const tEXt = (keyword: string, text: string) =>
  pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
const zTXt = (keyword: string, text: Buffer) =>
  pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(text)]));
const iTXt = (keyword: string, text: string, compressed: boolean) =>
  pngChunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(`${keyword}\0${compressed ? '\x01' : '\x00'}\0\0\0`, 'latin1'),
      compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8'),
    ]),
  );

/** A 2×2 uncompressed RGB TIFF, little-endian. */
export function baseTiff(): Buffer {
  const entries: Array<[tag: number, type: number, count: number, value: number | string]> = [
    [256, 3, 1, 2],
    [257, 3, 1, 2],
    [258, 3, 3, 'bits'],
    [259, 3, 1, 1],
    [262, 3, 1, 2],
    [273, 4, 1, 'strip'],
    [277, 3, 1, 3],
    [278, 3, 1, 2],
    [279, 4, 1, 12],
    [282, 5, 1, 'resolution'],
    [283, 5, 1, 'resolution'],
    [284, 3, 1, 1],
    [296, 3, 1, 2],
  ];
  const bitsAt = 8 + 2 + entries.length * 12 + 4;
  const resolutionAt = bitsAt + 6;
  const stripAt = resolutionAt + 8;
  const b = Buffer.alloc(stripAt + 12);
  b.write('II*\0', 'latin1');
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    const offsets: Record<string, number> = {
      bits: bitsAt,
      strip: stripAt,
      resolution: resolutionAt,
    };
    const resolved = typeof value === 'number' ? value : offsets[value];
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) b.writeUInt16LE(resolved, at + 8);
    else b.writeUInt32LE(resolved, at + 8);
  });
  [8, 8, 8].forEach((bits, i) => b.writeUInt16LE(bits, bitsAt + 2 * i));
  b.writeUInt32LE(72, resolutionAt);
  b.writeUInt32LE(1, resolutionAt + 4);
  Buffer.from([200, 30, 30, 30, 200, 30, 30, 30, 200, 240, 240, 240]).copy(b, stripAt);
  return b;
}

/** The well-known 1×1 lossless WebP and 1×1 GIF. */
const BASE_WEBP = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';
const BASE_GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export type ImageKind = 'jpeg' | 'png' | 'tiff' | 'webp' | 'gif';

/** An image naming the contributors in every metadata container its format has. */
async function plantedImage(kind: ImageKind): Promise<Built> {
  switch (kind) {
    case 'jpeg':
      return {
        bytes: await withMetadata(baseJpeg(), 'jpg', {
          'EXIF:Artist': latin.full,
          'EXIF:XPAuthor': arabic.full,
          'EXIF:Copyright': `© ${tifinagh.full}`,
          'EXIF:OwnerName': arabic.full,
          'EXIF:Orientation#': 6, // shown rotated: must survive the cleaning
          'XMP-dc:Creator': [latin.full, arabic.full],
          'XMP-dc:Rights': `© ${tifinagh.full}`,
          'IPTC:CodedCharacterSet': 'UTF8',
          'IPTC:By-line': [arabic.full],
          'IPTC:CopyrightNotice': latin.full,
          'File:Comment': tifinagh.full,
        } as WriteTags),
        planted: [
          plant('APP1 Exif › IFD0 Artist', latin.full, 'EXIF Artist'),
          plant('APP1 Exif › IFD0 XPAuthor', arabic.full, 'EXIF XPAuthor (UTF-16LE)'),
          plant('APP1 Exif › IFD0 Copyright', tifinagh.full, 'EXIF Copyright'),
          plant('APP1 Exif › ExifIFD CameraOwnerName', arabic.full, 'EXIF CameraOwnerName'),
          plant('APP1 XMP', latin.full, 'XMP dc:creator'),
          plant('APP1 XMP', arabic.full, 'XMP dc:creator'),
          plant('APP1 XMP', tifinagh.full, 'XMP dc:rights'),
          plant('APP13 Photoshop › IPTC By-line', arabic.full, 'IPTC By-line'),
          plant('APP13 Photoshop › IPTC CopyrightNotice', latin.full, 'IPTC CopyrightNotice'),
          plant('COM', tifinagh.full, 'JPEG COM comment'),
        ],
      };
    case 'png':
      return {
        bytes: await withMetadata(
          basePng([
            tEXt('Author', latin.full),
            zTXt('Copyright', Buffer.from(`(c) ${arabic.full}`, 'utf8')),
            iTXt('Description', `Photo: ${tifinagh.full}`, true),
            iTXt('Title', `${arabic.full} (portrait)`, false),
          ]),
          'png',
          { 'XMP-dc:Creator': [tifinagh.full], 'EXIF:Artist': latin.full } as WriteTags,
        ),
        planted: [
          plant('tEXt Author', latin.full, 'PNG tEXt Author'),
          plant('zTXt Copyright', arabic.full, 'PNG zTXt (compressed) Copyright'),
          plant('iTXt Description', tifinagh.full, 'PNG iTXt (compressed) Description'),
          plant('iTXt Title', arabic.full, 'PNG iTXt Title'),
          plant('iTXt XML:com.adobe.xmp', tifinagh.full, 'PNG XMP dc:creator'),
          plant('eXIf › IFD0 Artist', latin.full, 'PNG eXIf Artist'),
        ],
      };
    case 'tiff':
      return {
        bytes: await withMetadata(baseTiff(), 'tif', {
          'EXIF:Artist': arabic.full,
          'EXIF:XPAuthor': tifinagh.full,
          'EXIF:Copyright': latin.full,
          'EXIF:ImageDescription': `Scan by ${latin.full}`,
          'XMP-dc:Creator': [arabic.full, tifinagh.full],
          'IPTC:CodedCharacterSet': 'UTF8',
          'IPTC:By-line': [latin.full],
        } as WriteTags),
        planted: [
          plant('IFD0 Artist', arabic.full, 'TIFF Artist'),
          plant('IFD0 XPAuthor', tifinagh.full, 'TIFF XPAuthor (UTF-16LE)'),
          plant('IFD0 Copyright', latin.full, 'TIFF Copyright'),
          plant('IFD0 ImageDescription', latin.full, 'TIFF ImageDescription'),
          plant('IFD0 XMP', arabic.full, 'TIFF XMP dc:creator'),
          plant('IFD0 XMP', tifinagh.full, 'TIFF XMP dc:creator'),
          plant('IFD0 IPTC-NAA › IPTC By-line', latin.full, 'TIFF IPTC By-line'),
        ],
      };
    case 'webp':
      return {
        bytes: await withMetadata(Buffer.from(BASE_WEBP, 'base64'), 'webp', {
          'EXIF:Artist': latin.full,
          'EXIF:XPAuthor': arabic.full,
          'XMP-dc:Creator': [tifinagh.full],
        } as WriteTags),
        planted: [
          plant('EXIF › IFD0 Artist', latin.full, 'WebP EXIF Artist'),
          plant('EXIF › IFD0 XPAuthor', arabic.full, 'WebP EXIF XPAuthor (UTF-16LE)'),
          plant('XMP', tifinagh.full, 'WebP XMP dc:creator'),
        ],
      };
    case 'gif':
      return {
        bytes: await withMetadata(Buffer.from(BASE_GIF, 'base64'), 'gif', {
          'File:Comment': tifinagh.full,
          'XMP-dc:Creator': [latin.full, arabic.full],
        } as WriteTags),
        planted: [
          plant('comment extension', tifinagh.full, 'GIF comment extension'),
          plant('XMP extension', latin.full, 'GIF XMP dc:creator'),
          plant('XMP extension', arabic.full, 'GIF XMP dc:creator'),
        ],
      };
  }
}

// --- Zip packages -----------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Character references for every character: how some writers store non-ASCII text. */
const asCharacterReferences = (text: string) =>
  [...text].map((ch) => `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`).join('');

type Parts = Record<string, string | Buffer>;

async function zip(parts: Parts, stored: readonly string[] = []): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(parts)) {
    archive.file(name, content, {
      compression: stored.includes(name) ? 'STORE' : 'DEFLATE',
      createFolders: false,
    });
  }
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// --- OOXML ------------------------------------------------------------------------------------

const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OOXML_TYPE = 'application/vnd.openxmlformats-officedocument';
const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  `xmlns:r="${OFFICE_REL}" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const S_NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_REL}"`;
const P_NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  `xmlns:r="${OFFICE_REL}" ` +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

const DEFAULT_TYPES: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tiff: 'image/tiff',
  vml: `${OOXML_TYPE}.vmlDrawing`,
  bin: `${OOXML_TYPE}.spreadsheetml.printerSettings`,
  xlsx: `${OOXML_TYPE}.spreadsheetml.sheet`,
  docx: `${OOXML_TYPE}.wordprocessingml.document`,
};

function contentTypes(overrides: Record<string, string>): string {
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    Object.entries(DEFAULT_TYPES)
      .map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`)
      .join('') +
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
      .join('') +
    '</Types>'
  );
}

/** A relationships part: [type (short names are officeDocument's), target, external?]. */
function relationships(list: Array<[type: string, target: string, external?: boolean]>): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PACKAGE_REL}">` +
    list
      .map(
        ([type, target, external], i) =>
          `<Relationship Id="rId${i + 1}" Type="${type.includes('/') ? type : `${OFFICE_REL}/${type}`}" ` +
          `Target="${target}"${external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

const PROPERTY_TYPES = {
  'docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
  'docProps/app.xml': `${OOXML_TYPE}.extended-properties+xml`,
  'docProps/custom.xml': `${OOXML_TYPE}.custom-properties+xml`,
};

const PACKAGE_RELATIONSHIPS: Array<[string, string]> = [
  [`${PACKAGE_REL}/metadata/core-properties`, 'docProps/core.xml'],
  ['extended-properties', 'docProps/app.xml'],
  ['custom-properties', 'docProps/custom.xml'],
];

interface PropertyNames {
  creator: string;
  lastModifiedBy: string;
  /** Written as character references, as some converters do. */
  manager: string;
  company: string;
  custom: string;
  description?: string;
  keywords?: string;
}

/** docProps/core.xml, app.xml and custom.xml, each naming someone. */
function docProps(names: PropertyNames): { parts: Parts; planted: Plant[] } {
  const core = 'docProps/core.xml › cp:coreProperties';
  const app = 'docProps/app.xml › Properties';
  const planted = [
    plant(`${core}/dc:creator`, names.creator, 'core dc:creator'),
    plant(`${core}/cp:lastModifiedBy`, names.lastModifiedBy, 'core cp:lastModifiedBy'),
    plant(`${app}/Manager`, names.manager, 'app Manager (as character references)'),
    plant(`${app}/Company`, names.company, 'app Company'),
    plant('docProps/custom.xml › property/vt:lpwstr', names.custom, 'custom property'),
  ];
  if (names.description)
    planted.push(plant(`${core}/dc:description`, names.description, 'core dc:description'));
  if (names.keywords)
    planted.push(plant(`${core}/cp:keywords`, names.keywords, 'core cp:keywords'));
  return {
    planted,
    parts: {
      'docProps/core.xml':
        XML_HEAD +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
        '<dc:title>Diglossia in Moroccan classrooms</dc:title>' +
        `<dc:creator>${names.creator}</dc:creator>` +
        `<cp:lastModifiedBy>${names.lastModifiedBy}</cp:lastModifiedBy>` +
        (names.description
          ? `<dc:description>Draft by ${names.description}</dc:description>`
          : '') +
        (names.keywords ? `<cp:keywords>diglossia; ${names.keywords} corpus</cp:keywords>` : '') +
        '<cp:revision>7</cp:revision>' +
        '</cp:coreProperties>',
      'docProps/app.xml':
        XML_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        '<Template>Normal.dotm</Template><Pages>2</Pages>' +
        `<Manager>${asCharacterReferences(names.manager)}</Manager>` +
        `<Company>${names.company} Research Lab</Company>` +
        '</Properties>',
      'docProps/custom.xml':
        XML_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Corresponding author">' +
        `<vt:lpwstr>${names.custom}</vt:lpwstr></property></Properties>`,
    },
  };
}

const WORD_MAIN_TYPE = `${OOXML_TYPE}.wordprocessingml.document.main+xml`;
const SHEET_MAIN_TYPE = `${OOXML_TYPE}.spreadsheetml.sheet.main+xml`;
const WORKSHEET_TYPE = `${OOXML_TYPE}.spreadsheetml.worksheet+xml`;

interface Nested {
  /** The part name it is stored under. */
  name: string;
  built: Built;
}

/** A small Word document, with properties naming someone, an image and an embedded package. */
async function miniDocx(names: PropertyNames, media?: Nested, embedded?: Nested): Promise<Built> {
  const props = docProps(names);
  const documentRels: Array<[string, string]> = [];
  if (media) documentRels.push(['image', media.name.replace(/^word\//u, '')]);
  if (embedded) documentRels.push(['package', embedded.name.replace(/^word\//u, '')]);
  const parts: Parts = {
    '[Content_Types].xml': contentTypes({ 'word/document.xml': WORD_MAIN_TYPE, ...PROPERTY_TYPES }),
    '_rels/.rels': relationships([
      ['officeDocument', 'word/document.xml'],
      ...PACKAGE_RELATIONSHIPS,
    ]),
    'word/document.xml':
      XML_HEAD +
      `<w:document ${W_NS}><w:body><w:p><w:r><w:t>Appendix: the coding scheme.</w:t></w:r></w:p>` +
      '<w:sectPr/></w:body></w:document>',
    'word/_rels/document.xml.rels': relationships(documentRels),
    ...props.parts,
  };
  const planted = [...props.planted];
  for (const nested of [media, embedded]) {
    if (!nested) continue;
    parts[nested.name] = nested.built.bytes;
    planted.push(...within(nested.name, nested.built.planted));
  }
  return { bytes: await zip(parts), planted };
}

/** A small workbook, with properties naming someone and an embedded package. */
async function miniXlsx(names: PropertyNames, embedded?: Nested): Promise<Built> {
  const props = docProps(names);
  const parts: Parts = {
    '[Content_Types].xml': contentTypes({
      'xl/workbook.xml': SHEET_MAIN_TYPE,
      'xl/worksheets/sheet1.xml': WORKSHEET_TYPE,
      ...PROPERTY_TYPES,
    }),
    '_rels/.rels': relationships([['officeDocument', 'xl/workbook.xml'], ...PACKAGE_RELATIONSHIPS]),
    'xl/workbook.xml':
      XML_HEAD +
      `<workbook ${S_NS}><sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': relationships([['worksheet', 'worksheets/sheet1.xml']]),
    'xl/worksheets/sheet1.xml':
      XML_HEAD +
      `<worksheet ${S_NS}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
    ...props.parts,
  };
  const planted = [...props.planted];
  if (embedded) {
    parts[embedded.name] = embedded.built.bytes;
    parts['xl/worksheets/_rels/sheet1.xml.rels'] = relationships([
      ['package', `../${embedded.name.replace(/^xl\//u, '')}`],
    ]);
    planted.push(...within(embedded.name, embedded.built.planted));
  }
  return { bytes: await zip(parts), planted };
}

/** Properties naming the three contributors in turn, from `first`. */
function names(first: 0 | 1 | 2): PropertyNames {
  const order = [latin.full, arabic.full, tifinagh.full];
  const at = (i: number) => order[(first + i) % 3];
  return {
    creator: at(0),
    lastModifiedBy: at(1),
    manager: at(2),
    company: latin.family,
    custom: at(1),
  };
}

/** A workbook inside which is a document (two levels of packages), the deeper one with a PNG. */
async function workbookWithDocument(): Promise<Built> {
  const deepDocument = await miniDocx(names(2), {
    name: 'word/media/image1.png',
    built: await plantedImage('png'),
  });
  return miniXlsx(names(1), {
    name: 'xl/embeddings/Microsoft_Word_Document.docx',
    built: deepDocument,
  });
}

/** A document inside which is a workbook (two levels of packages). */
async function documentWithWorkbook(): Promise<Built> {
  const deepWorkbook = await miniXlsx(names(0));
  return miniDocx(names(2), undefined, {
    name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx',
    built: deepWorkbook,
  });
}

const PROSE_ARABIC = `كما بيّنت ${arabic.full} في دراسة سابقة.`;
const PROSE_LATIN = `As ${latin.full} showed in 2019, the corpus is balanced.`;
const PROSE_TIFINAGH = `ⴰⵎⵙⴰⵙⴰ ${tifinagh.full} (2021).`;

/**
 * DOCX: properties (core, app, custom), comment authors and initials, tracked-change authors
 * (insertion, deletion, formatting and paragraph changes), people.xml, header and footer lines,
 * the attached template's path, the thumbnail, a JPEG in word/media with EXIF, XMP, IPTC and a
 * comment, and a workbook in word/embeddings that embeds a document with a PNG (two levels).
 * The prose names a contributor once, on page 2 (after a page break).
 */
export async function docxFixture(): Promise<LeakFixture> {
  const props = docProps({
    ...names(0),
    description: tifinagh.full,
    keywords: latin.family,
  });
  const image = await plantedImage('jpeg');
  const workbook = await workbookWithDocument();
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const document =
    XML_HEAD +
    `<w:document ${W_NS}><w:body>` +
    `<w:p>${run('Introduction: diglossia in Moroccan classrooms.')}</w:p>` +
    `<w:p><w:pPr><w:pPrChange w:id="4" w:author="${tifinagh.full}" w:date="2024-03-01T10:00:00Z"><w:pPr/></w:pPrChange></w:pPr>` +
    run('Method text ') +
    `<w:ins w:id="1" w:author="${latin.full}" w:date="2024-03-01T10:00:00Z">${run('with an inserted sentence.')}</w:ins>` +
    `<w:del w:id="2" w:author="${tifinagh.full}" w:date="2024-03-01T10:00:00Z"><w:r><w:delText>An old sentence.</w:delText></w:r></w:del>` +
    `<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="${arabic.full}" w:date="2024-03-01T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Bold results.</w:t></w:r></w:p>` +
    '<w:p><w:commentRangeStart w:id="0"/>' +
    run('The sample is small.') +
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' +
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="609600" cy="609600"/><wp:docPr id="1" name="Figure 1"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>' +
    '</wp:inline></w:drawing></w:r></w:p>' +
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
    `<w:p>${run(PROSE_ARABIC)}</w:p>` +
    '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr>' +
    '</w:body></w:document>';
  const headerFooter = (element: 'hdr' | 'ftr', lines: string[]) =>
    XML_HEAD +
    `<w:${element} ${W_NS}>${lines.map((line) => `<w:p>${run(line)}</w:p>`).join('')}</w:${element}>`;
  const parts: Parts = {
    '[Content_Types].xml': contentTypes({
      'word/document.xml': WORD_MAIN_TYPE,
      'word/comments.xml': `${OOXML_TYPE}.wordprocessingml.comments+xml`,
      'word/people.xml': `${OOXML_TYPE}.wordprocessingml.people+xml`,
      'word/header1.xml': `${OOXML_TYPE}.wordprocessingml.header+xml`,
      'word/footer1.xml': `${OOXML_TYPE}.wordprocessingml.footer+xml`,
      'word/settings.xml': `${OOXML_TYPE}.wordprocessingml.settings+xml`,
      ...PROPERTY_TYPES,
    }),
    '_rels/.rels': relationships([
      ['officeDocument', 'word/document.xml'],
      ...PACKAGE_RELATIONSHIPS,
      [`${PACKAGE_REL}/metadata/thumbnail`, 'docProps/thumbnail.jpeg'],
    ]),
    'word/document.xml': document,
    'word/_rels/document.xml.rels': relationships([
      ['comments', 'comments.xml'],
      ['http://schemas.microsoft.com/office/2011/relationships/people', 'people.xml'],
      ['header', 'header1.xml'],
      ['footer', 'footer1.xml'],
      ['image', 'media/image1.jpeg'],
      ['settings', 'settings.xml'],
      ['package', 'embeddings/Microsoft_Excel_Worksheet.xlsx'],
    ]),
    'word/comments.xml':
      XML_HEAD +
      `<w:comments ${W_NS}><w:comment w:id="0" w:author="${arabic.full}" w:date="2024-03-01T10:00:00Z" w:initials="${tifinagh.given}">` +
      `<w:p>${run('Check the sample size.')}</w:p></w:comment></w:comments>`,
    'word/people.xml':
      XML_HEAD +
      `<w15:people ${W_NS}><w15:person w15:author="${latin.full}">` +
      '<w15:presenceInfo w15:providerId="AD" w15:userId="S::tiziri.amezzane@uit.ac.ma::8c1e6f"/>' +
      '</w15:person></w15:people>',
    'word/header1.xml': headerFooter('hdr', ['Running head: diglossia', `Draft — ${latin.full}`]),
    'word/footer1.xml': headerFooter('ftr', [`${arabic.full} — 2024`]),
    'word/settings.xml':
      XML_HEAD + `<w:settings ${W_NS}><w:attachedTemplate r:id="rId1"/></w:settings>`,
    'word/_rels/settings.xml.rels': relationships([
      ['attachedTemplate', 'file:///C:\\Users\\amezzane\\Documents\\Templates\\Thesis.dotx', true],
    ]),
    'word/media/image1.jpeg': image.bytes,
    'word/embeddings/Microsoft_Excel_Worksheet.xlsx': workbook.bytes,
    'docProps/thumbnail.jpeg': baseJpeg(`Thumbnail of ${latin.full}'s draft`),
    ...props.parts,
  };
  return {
    label: 'DOCX',
    mediaType: MEDIA_TYPES.docx,
    bytes: await zip(parts),
    planted: [
      ...props.planted,
      plant('word/comments.xml › w:comment@w:author', arabic.full, 'comment author'),
      plant('word/comments.xml › w:comment@w:initials', tifinagh.given, 'comment initials'),
      plant('word/people.xml › w15:person@w15:author', latin.full, 'people.xml person'),
      plant('word/people.xml › w15:presenceInfo@w15:userId', 'amezzane', 'people.xml account'),
      plant('word/document.xml › w:ins@w:author', latin.full, 'tracked insertion author'),
      plant('word/document.xml › w:del@w:author', tifinagh.full, 'tracked deletion author'),
      plant('word/document.xml › w:rPrChange@w:author', arabic.full, 'formatting change author'),
      plant('word/document.xml › w:pPrChange@w:author', tifinagh.full, 'paragraph change author'),
      plant('word/header1.xml › w:r/w:t', latin.full, 'header line'),
      plant('word/footer1.xml › w:r/w:t', arabic.full, 'footer line'),
      plant(
        'word/_rels/settings.xml.rels › Relationship@Target',
        'amezzane',
        'attached template path',
      ),
      plant('docProps/thumbnail.jpeg › COM', latin.full, 'thumbnail comment'),
      ...within('word/media/image1.jpeg', image.planted),
      ...within('word/embeddings/Microsoft_Excel_Worksheet.xlsx', workbook.planted),
    ],
    prose: {
      name: arabic.full,
      at: 'word/document.xml › w:r/w:t',
      warning: { location: 'body', page: 2 },
    },
  };
}

/** A printer's settings blob: a DEVMODE whose device name (UTF-16LE) is the owner's. */
function devmode(deviceName: string): Buffer {
  const blob = Buffer.alloc(220);
  Buffer.from(deviceName.slice(0, 31), 'utf16le').copy(blob);
  blob.writeUInt16LE(0x0401, 64); // dmSpecVersion
  blob.writeUInt16LE(220, 68); // dmSize
  return blob;
}

/**
 * XLSX: properties, legacy comments (author list, and the bold "Name:" Excel starts each note
 * with), threaded comments' persons, the shared-workbook revision log, the sheet's header and
 * footer, the workbook's reservation user and saved path, printer settings, a PNG with text
 * chunks, XMP and EXIF, and a document in xl/embeddings that embeds a workbook (two levels).
 * The prose (a cell) names a contributor once.
 */
export async function xlsxFixture(): Promise<LeakFixture> {
  const props = docProps({ ...names(1), description: latin.full });
  const image = await plantedImage('png');
  const document = await documentWithWorkbook();
  const parts: Parts = {
    '[Content_Types].xml': contentTypes({
      'xl/workbook.xml': SHEET_MAIN_TYPE,
      'xl/worksheets/sheet1.xml': WORKSHEET_TYPE,
      'xl/sharedStrings.xml': `${OOXML_TYPE}.spreadsheetml.sharedStrings+xml`,
      'xl/comments1.xml': `${OOXML_TYPE}.spreadsheetml.comments+xml`,
      'xl/threadedComments/threadedComment1.xml': 'application/vnd.ms-excel.threadedcomments+xml',
      'xl/persons/person.xml': 'application/vnd.ms-excel.person+xml',
      'xl/drawings/drawing1.xml': `${OOXML_TYPE}.drawing+xml`,
      'xl/revisions/revisionHeaders.xml': `${OOXML_TYPE}.spreadsheetml.revisionHeaders+xml`,
      'xl/revisions/revisionLog1.xml': `${OOXML_TYPE}.spreadsheetml.revisionLog+xml`,
      'xl/revisions/userNames.xml': `${OOXML_TYPE}.spreadsheetml.userNames+xml`,
      ...PROPERTY_TYPES,
    }),
    '_rels/.rels': relationships([['officeDocument', 'xl/workbook.xml'], ...PACKAGE_RELATIONSHIPS]),
    'xl/workbook.xml':
      XML_HEAD +
      `<workbook ${S_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" mc:Ignorable="x15ac">' +
      `<fileVersion appName="xl"/><fileSharing readOnlyRecommended="1" userName="${tifinagh.full}"/>` +
      '<workbookPr/><mc:AlternateContent><mc:Choice Requires="x15">' +
      '<x15ac:absPath url="C:\\Users\\amezzane\\Documents\\Research\\"/></mc:Choice></mc:AlternateContent>' +
      '<sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': relationships([
      ['worksheet', 'worksheets/sheet1.xml'],
      ['sharedStrings', 'sharedStrings.xml'],
      ['http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'],
      ['revisionHeaders', 'revisions/revisionHeaders.xml'],
      ['usernames', 'revisions/userNames.xml'],
    ]),
    'xl/sharedStrings.xml':
      XML_HEAD +
      `<sst ${S_NS} count="3" uniqueCount="3"><si><t>Participant</t></si><si><t>Score</t></si>` +
      `<si><t>${PROSE_LATIN}</t></si></sst>`,
    'xl/worksheets/sheet1.xml':
      XML_HEAD +
      `<worksheet ${S_NS}><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>4</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>2</v></c></row></sheetData>' +
      '<headerFooter differentFirst="1">' +
      `<oddHeader>&amp;L${arabic.full}&amp;RDraft</oddHeader>` +
      `<oddFooter>&amp;CPage &amp;P — ${tifinagh.full}</oddFooter>` +
      `<firstHeader>&amp;C${latin.full}</firstHeader>` +
      '</headerFooter><drawing r:id="rId4"/><legacyDrawing r:id="rId2"/></worksheet>',
    'xl/worksheets/_rels/sheet1.xml.rels': relationships([
      ['comments', '../comments1.xml'],
      ['vmlDrawing', '../drawings/vmlDrawing1.vml'],
      [
        'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
        '../threadedComments/threadedComment1.xml',
      ],
      ['drawing', '../drawings/drawing1.xml'],
      ['printerSettings', '../printerSettings/printerSettings1.bin'],
      ['package', '../embeddings/Microsoft_Word_Document.docx'],
    ]),
    'xl/comments1.xml':
      XML_HEAD +
      `<comments ${S_NS}><authors><author>${latin.full}</author><author>tc={8A1B2C3D-0000-4000-8000-000000000001}</author></authors>` +
      '<commentList><comment ref="B2" authorId="0"><text>' +
      `<r><rPr><b/><sz val="9"/></rPr><t>${latin.full}:</t></r>` +
      '<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\nCheck this score.</t></r></text></comment>' +
      '<comment ref="A2" authorId="1"><text><t>[Threaded comment] Is this coded?</t></text></comment>' +
      '</commentList></comments>',
    'xl/threadedComments/threadedComment1.xml':
      XML_HEAD +
      '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      '<threadedComment ref="A2" dT="2024-03-01T10:00:00.00" personId="{5E2C0000-0000-4000-8000-000000000002}" ' +
      'id="{8A1B2C3D-0000-4000-8000-000000000001}"><text>Is this coded?</text></threadedComment></ThreadedComments>',
    'xl/persons/person.xml':
      XML_HEAD +
      '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      `<person displayName="${arabic.full}" id="{5E2C0000-0000-4000-8000-000000000002}" ` +
      'userId="tiziri.amezzane@uit.ac.ma" providerId="AD"/></personList>',
    'xl/drawings/drawing1.xml':
      XML_HEAD +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${OFFICE_REL}">` +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:ext cx="609600" cy="609600"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1"/><xdr:cNvPicPr/></xdr:nvPicPr>' +
      '<xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    'xl/drawings/_rels/drawing1.xml.rels': relationships([['image', '../media/image1.png']]),
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>',
    'xl/media/image1.png': image.bytes,
    'xl/printerSettings/printerSettings1.bin': devmode(`${arabic.full} LaserJet`),
    'xl/revisions/revisionHeaders.xml':
      XML_HEAD +
      `<headers ${S_NS} guid="{00000000-0000-4000-8000-0000000000AA}">` +
      `<header guid="{00000000-0000-4000-8000-0000000000AB}" dateTime="2024-03-01T10:00:00" maxSheetId="2" userName="${latin.full}" r:id="rId1">` +
      '<sheetIdMap count="1"><sheetId val="1"/></sheetIdMap></header></headers>',
    'xl/revisions/_rels/revisionHeaders.xml.rels': relationships([
      ['revisionLog', 'revisionLog1.xml'],
    ]),
    'xl/revisions/revisionLog1.xml': XML_HEAD + `<revisions ${S_NS}/>`,
    'xl/revisions/userNames.xml':
      XML_HEAD +
      `<users ${S_NS} count="1"><userInfo guid="{00000000-0000-4000-8000-0000000000AC}" name="${tifinagh.full}" id="1" dateTime="2024-03-01T10:00:00"/></users>`,
    'xl/embeddings/Microsoft_Word_Document.docx': document.bytes,
    ...props.parts,
  };
  return {
    label: 'XLSX',
    mediaType: MEDIA_TYPES.xlsx,
    bytes: await zip(parts),
    planted: [
      ...props.planted,
      plant('xl/workbook.xml › fileSharing@userName', tifinagh.full, 'write-reservation user'),
      plant('xl/workbook.xml › x15ac:absPath@url', 'amezzane', 'saved path (account name)'),
      plant('xl/worksheets/sheet1.xml › headerFooter/oddHeader', arabic.full, 'sheet header'),
      plant('xl/worksheets/sheet1.xml › headerFooter/oddFooter', tifinagh.full, 'sheet footer'),
      plant('xl/worksheets/sheet1.xml › headerFooter/firstHeader', latin.full, 'first-page header'),
      plant('xl/comments1.xml › authors/author', latin.full, 'legacy comment author'),
      plant('xl/comments1.xml › r/t', latin.full, 'legacy comment "Name:" prefix'),
      plant('xl/persons/person.xml › person@displayName', arabic.full, 'threaded comment person'),
      plant('xl/persons/person.xml › person@userId', 'amezzane', 'threaded comment account'),
      plant('xl/revisions/revisionHeaders.xml › header@userName', latin.full, 'revision author'),
      plant('xl/revisions/userNames.xml › userInfo@name', tifinagh.full, 'shared workbook user'),
      plant('xl/printerSettings/printerSettings1.bin', arabic.full, 'printer name (UTF-16LE)'),
      ...within('xl/media/image1.png', image.planted),
      ...within('xl/embeddings/Microsoft_Word_Document.docx', document.planted),
    ],
    prose: {
      name: latin.full,
      at: 'xl/sharedStrings.xml › si/t',
      warning: { location: 'xl/sharedStrings.xml' },
    },
  };
}

/** A PowerPoint shape: a placeholder of `type` (or none) holding one line of text. */
function shape(id: number, text: string, placeholder?: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Shape ${id}"/><p:cNvSpPr/>` +
    `<p:nvPr>${placeholder ? `<p:ph type="${placeholder}"/>` : ''}</p:nvPr></p:nvSpPr><p:spPr/>` +
    `<p:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

const slideXml = (root: string, shapes: string) =>
  XML_HEAD + `<p:${root} ${P_NS}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:${root}>`;

/**
 * PPTX: properties, legacy comment authors and modern (2018) comment authors with their
 * accounts, footer and date placeholders on a slide, the slide master and the notes master, a
 * GIF (comment, XMP) and a TIFF (EXIF, XMP, IPTC) in ppt/media, and a workbook in
 * ppt/embeddings that embeds a document with a PNG (two levels). Slide 2 names a contributor.
 */
export async function pptxFixture(): Promise<LeakFixture> {
  const props = docProps({ ...names(2), keywords: latin.family });
  const gif = await plantedImage('gif');
  const tiff = await plantedImage('tiff');
  const workbook = await workbookWithDocument();
  const presentationType = `${OOXML_TYPE}.presentationml`;
  const parts: Parts = {
    '[Content_Types].xml': contentTypes({
      'ppt/presentation.xml': `${presentationType}.presentation.main+xml`,
      'ppt/slides/slide1.xml': `${presentationType}.slide+xml`,
      'ppt/slides/slide2.xml': `${presentationType}.slide+xml`,
      'ppt/slideMasters/slideMaster1.xml': `${presentationType}.slideMaster+xml`,
      'ppt/notesMasters/notesMaster1.xml': `${presentationType}.notesMaster+xml`,
      'ppt/commentAuthors.xml': `${presentationType}.commentAuthors+xml`,
      'ppt/comments/comment1.xml': `${presentationType}.comments+xml`,
      'ppt/authors.xml': 'application/vnd.ms-powerpoint.authors+xml',
      'ppt/comments/modernComment_100_1.xml': 'application/vnd.ms-powerpoint.comments+xml',
      ...PROPERTY_TYPES,
    }),
    '_rels/.rels': relationships([
      ['officeDocument', 'ppt/presentation.xml'],
      ...PACKAGE_RELATIONSHIPS,
    ]),
    'ppt/presentation.xml':
      XML_HEAD +
      `<p:presentation ${P_NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      '<p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst>' +
      '<p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>',
    'ppt/_rels/presentation.xml.rels': relationships([
      ['slideMaster', 'slideMasters/slideMaster1.xml'],
      ['slide', 'slides/slide1.xml'],
      ['slide', 'slides/slide2.xml'],
      ['commentAuthors', 'commentAuthors.xml'],
      ['http://schemas.microsoft.com/office/2018/10/relationships/authors', 'authors.xml'],
      ['notesMaster', 'notesMasters/notesMaster1.xml'],
    ]),
    'ppt/slideMasters/slideMaster1.xml': slideXml(
      'sldMaster',
      shape(2, 'Click to edit the title', 'title') + shape(3, `${arabic.full} — draft`, 'ftr'),
    ),
    'ppt/notesMasters/notesMaster1.xml': slideXml('notesMaster', shape(2, tifinagh.full, 'hdr')),
    'ppt/slides/slide1.xml': slideXml(
      'sld',
      shape(2, 'Diglossia in Moroccan classrooms', 'title') +
        shape(3, `${latin.full} — confidential`, 'ftr') +
        shape(4, `1 March 2024, ${tifinagh.full}`, 'dt') +
        '<p:pic><p:nvPicPr><p:cNvPr id="5" name="Picture 5"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>' +
        '<p:blipFill><a:blip r:embed="rId1"/></p:blipFill><p:spPr/></p:pic>',
    ),
    'ppt/slides/_rels/slide1.xml.rels': relationships([
      ['image', '../media/image1.gif'],
      ['image', '../media/image2.tiff'],
      ['comments', '../comments/comment1.xml'],
      [
        'http://schemas.microsoft.com/office/2018/10/relationships/comments',
        '../comments/modernComment_100_1.xml',
      ],
      ['package', '../embeddings/Microsoft_Excel_Worksheet.xlsx'],
    ]),
    'ppt/slides/slide2.xml': slideXml(
      'sld',
      shape(2, 'Results', 'title') + shape(3, PROSE_TIFINAGH),
    ),
    'ppt/commentAuthors.xml':
      XML_HEAD +
      `<p:cmAuthorLst ${P_NS}><p:cmAuthor id="0" name="${arabic.full}" initials="${arabic.given}" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`,
    'ppt/comments/comment1.xml':
      XML_HEAD +
      `<p:cmLst ${P_NS}><p:cm authorId="0" dt="2024-03-01T10:00:00.000" idx="1"><p:pos x="10" y="10"/>` +
      '<p:text>Check the figure.</p:text></p:cm></p:cmLst>',
    'ppt/authors.xml':
      XML_HEAD +
      '<p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">' +
      `<p188:author id="{1F2E3D4C-0000-4000-8000-000000000003}" name="${tifinagh.full}" initials="${tifinagh.given}" ` +
      'userId="S::tiziri.amezzane@uit.ac.ma::7d2f" providerId="AD"/></p188:authorLst>',
    'ppt/comments/modernComment_100_1.xml':
      XML_HEAD +
      '<p188:cmLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">' +
      '<p188:cm id="{2A3B4C5D-0000-4000-8000-000000000004}" authorId="{1F2E3D4C-0000-4000-8000-000000000003}" created="2024-03-01T10:00:00.000">' +
      '<p188:txBody><a:bodyPr/><a:p><a:r><a:t>Is the sample balanced?</a:t></a:r></a:p></p188:txBody></p188:cm></p188:cmLst>',
    'ppt/media/image1.gif': gif.bytes,
    'ppt/media/image2.tiff': tiff.bytes,
    'ppt/embeddings/Microsoft_Excel_Worksheet.xlsx': workbook.bytes,
    ...props.parts,
  };
  return {
    label: 'PPTX',
    mediaType: MEDIA_TYPES.pptx,
    bytes: await zip(parts),
    planted: [
      ...props.planted,
      plant('ppt/commentAuthors.xml › p:cmAuthor@name', arabic.full, 'comment author'),
      plant(
        'ppt/commentAuthors.xml › p:cmAuthor@initials',
        arabic.given,
        'comment author initials',
      ),
      plant('ppt/authors.xml › p188:author@name', tifinagh.full, 'modern comment author'),
      plant('ppt/authors.xml › p188:author@initials', tifinagh.given, 'modern comment initials'),
      plant('ppt/authors.xml › p188:author@userId', 'amezzane', 'modern comment account'),
      plant('ppt/slides/slide1.xml › a:r/a:t', latin.full, 'slide footer placeholder'),
      plant('ppt/slides/slide1.xml › a:r/a:t', tifinagh.full, 'slide date placeholder'),
      plant(
        'ppt/slideMasters/slideMaster1.xml › a:r/a:t',
        arabic.full,
        'master footer placeholder',
      ),
      plant('ppt/notesMasters/notesMaster1.xml › a:r/a:t', tifinagh.full, 'notes master header'),
      ...within('ppt/media/image1.gif', gif.planted),
      ...within('ppt/media/image2.tiff', tiff.planted),
      ...within('ppt/embeddings/Microsoft_Excel_Worksheet.xlsx', workbook.planted),
    ],
    prose: {
      name: tifinagh.full,
      at: 'ppt/slides/slide2.xml › a:r/a:t',
      warning: { location: 'ppt/slides/slide2.xml' },
    },
  };
}

// --- OpenDocument -----------------------------------------------------------------------------

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" ' +
  'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" ' +
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" ' +
  'xmlns:officeooo="http://openoffice.org/2009/office" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';

const ODF_TYPE = 'application/vnd.oasis.opendocument';

/** meta.xml naming the people LibreOffice records: first author, last author, printer, user field. */
function odfMeta(people: {
  initial: string;
  creator: string;
  printedBy?: string;
  userDefined?: string;
}): string {
  return (
    XML_HEAD +
    `<office:document-meta ${ODF_NS} office:version="1.3"><office:meta>` +
    '<meta:generator>LibreOffice/7.6</meta:generator><dc:title>Diglossia in Moroccan classrooms</dc:title>' +
    `<meta:initial-creator>${people.initial}</meta:initial-creator><dc:creator>${people.creator}</dc:creator>` +
    (people.printedBy ? `<meta:printed-by>${people.printedBy}</meta:printed-by>` : '') +
    (people.userDefined
      ? `<meta:user-defined meta:name="Corresponding author">${people.userDefined}</meta:user-defined>` +
        '<meta:template xlink:type="simple" xlink:href="file:///home/amezzane/Templates/thesis.ott" xlink:title="thesis"/>'
      : '') +
    '<meta:editing-cycles>4</meta:editing-cycles></office:meta></office:document-meta>'
  );
}

const metaPlants = (people: {
  initial: string;
  creator: string;
  printedBy?: string;
  userDefined?: string;
}) => [
  plant('meta.xml › office:meta/meta:initial-creator', people.initial, 'meta initial-creator'),
  plant('meta.xml › office:meta/dc:creator', people.creator, 'meta creator'),
  ...(people.printedBy
    ? [plant('meta.xml › office:meta/meta:printed-by', people.printedBy, 'meta printed-by')]
    : []),
  ...(people.userDefined
    ? [
        plant(
          'meta.xml › office:meta/meta:user-defined',
          people.userDefined,
          'meta user-defined field',
        ),
        plant('meta.xml › meta:template@xlink:href', 'amezzane', 'meta template path'),
      ]
    : []),
];

function manifest(mimetype: string, entries: Record<string, string>): string {
  return (
    XML_HEAD +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mimetype}"/>` +
    Object.entries(entries)
      .map(
        ([path, type]) =>
          `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`,
      )
      .join('') +
    '</manifest:manifest>'
  );
}

/** What LibreOffice writes in every package: manifest.rdf (naming nobody). */
const MANIFEST_RDF =
  XML_HEAD +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="content.xml"><rdf:type rdf:resource="http://docs.oasis-open.org/ns/office/1.2/meta/odf#ContentFile"/></rdf:Description>' +
  '<rdf:Description rdf:about=""><ns0:hasPart xmlns:ns0="http://docs.oasis-open.org/ns/office/1.2/meta/pkg#" rdf:resource="content.xml"/>' +
  '<rdf:type rdf:resource="http://docs.oasis-open.org/ns/office/1.2/meta/pkg#Document"/></rdf:Description></rdf:RDF>';

const odfContent = (body: string) =>
  XML_HEAD +
  `<office:document-content ${ODF_NS} office:version="1.3"><office:body>${body}</office:body></office:document-content>`;

const odfStyles = (masterPage: string) =>
  XML_HEAD +
  `<office:document-styles ${ODF_NS} office:version="1.3"><office:master-styles>` +
  `<style:master-page style:name="Standard">${masterPage}</style:master-page>` +
  '</office:master-styles></office:document-styles>';

/** An ODF package: mimetype first and stored, as the format requires. */
function odfZip(mimetype: string, parts: Parts, entries: Record<string, string>): Promise<Buffer> {
  return zip(
    {
      mimetype,
      'META-INF/manifest.xml': manifest(mimetype, {
        'content.xml': 'text/xml',
        'meta.xml': 'text/xml',
        ...entries,
      }),
      'manifest.rdf': MANIFEST_RDF,
      ...parts,
    },
    ['mimetype'],
  );
}

/** A small ODF file of `kind` naming its authors in meta.xml, with a package inside it. */
async function miniOdf(
  kind: 'text' | 'spreadsheet',
  first: 0 | 1 | 2,
  inner?: Nested,
): Promise<Built> {
  const people = names(first);
  const body =
    kind === 'text'
      ? '<office:text><text:p>Appendix: the coding scheme.</text:p></office:text>'
      : '<office:spreadsheet><table:table table:name="Scores"><table:table-row><table:table-cell office:value-type="float" office:value="42"><text:p>42</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>';
  const meta = { initial: people.creator, creator: people.lastModifiedBy };
  const parts: Parts = { 'content.xml': odfContent(body), 'meta.xml': odfMeta(meta) };
  const entries: Record<string, string> = {};
  const planted = metaPlants(meta);
  if (inner) {
    parts[inner.name] = inner.built.bytes;
    entries[inner.name] = `${ODF_TYPE}.${kind === 'text' ? 'spreadsheet' : 'text'}`;
    planted.push(...within(inner.name, inner.built.planted));
  }
  return { bytes: await odfZip(`${ODF_TYPE}.${kind}`, parts, entries), planted };
}

/** 'Object 1': a chart sub-document with its own meta.xml, and the picture that stands for it. */
function embeddedObject(first: 0 | 1 | 2): {
  parts: Parts;
  entries: Record<string, string>;
  planted: Plant[];
} {
  const people = names(first);
  const meta = { initial: people.creator, creator: people.lastModifiedBy };
  return {
    parts: {
      'Object 1/content.xml': odfContent(
        '<office:chart><chart:chart chart:class="chart:bar"/></office:chart>',
      ),
      'Object 1/meta.xml': odfMeta(meta),
      'Object 1/styles.xml': odfStyles(''),
      // A StarView metafile, the picture LibreOffice shows until the object is opened.
      'ObjectReplacements/Object 1': Buffer.concat([
        Buffer.from('VCLMTF', 'latin1'),
        Buffer.from([1, 0, 0x31, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
      ]),
    },
    entries: {
      'Object 1/': `${ODF_TYPE}.chart`,
      'Object 1/content.xml': 'text/xml',
      'Object 1/meta.xml': 'text/xml',
      'Object 1/styles.xml': 'text/xml',
      'ObjectReplacements/Object 1':
        'application/x-openoffice-gdimetafile;windows_formatname="GDIMetaFile"',
    },
    planted: metaPlants(meta).map((p) => ({
      ...p,
      at: p.at.replace(/^meta\.xml/u, 'Object 1/meta.xml'),
    })),
  };
}

const annotation = (creator: string, initials: string, element = 'office:annotation') =>
  `<${element}><dc:creator>${creator}</dc:creator><dc:date>2024-03-01T10:00:00</dc:date>` +
  `<meta:creator-initials>${initials}</meta:creator-initials><text:p>Check the sample size.</text:p></${element}>`;

const changeInfo = (creator: string) =>
  `<office:change-info><dc:creator>${creator}</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info>`;

const printerSettings = (printer: string) =>
  XML_HEAD +
  `<office:document-settings ${ODF_NS} office:version="1.3"><office:settings>` +
  '<config:config-item-set config:name="ooo:configuration-settings">' +
  `<config:config-item config:name="PrinterName" config:type="string">${printer}</config:config-item>` +
  '</config:config-item-set></office:settings></office:document-settings>';

/**
 * ODT: meta.xml (initial-creator, creator, printed-by, a user-defined field, the template's
 * path), an annotation's creator and initials, tracked changes' creators, header and footer
 * lines in styles.xml, the printer in settings.xml, the thumbnail, a WebP in Pictures/ with
 * EXIF and XMP, an embedded chart object with its own meta.xml, and an embedded spreadsheet
 * that embeds a text document (two levels). The prose names a contributor on page 2.
 */
export async function odtFixture(): Promise<LeakFixture> {
  const picture = 'Pictures/1000000000000001000000015A8D5E3F.webp';
  const webp = await plantedImage('webp');
  const object = embeddedObject(1);
  const nested = await miniOdf('spreadsheet', 2, {
    name: 'Object 3',
    built: await miniOdf('text', 0),
  });
  const people = {
    initial: latin.full,
    creator: arabic.full,
    printedBy: tifinagh.full,
    userDefined: latin.full,
  };
  const content = odfContent(
    '<office:text><text:tracked-changes>' +
      `<text:changed-region text:id="ct1"><text:insertion>${changeInfo(latin.full)}</text:insertion></text:changed-region>` +
      `<text:changed-region text:id="ct2"><text:deletion>${changeInfo(tifinagh.full)}<text:p>An old sentence.</text:p></text:deletion></text:changed-region>` +
      '</text:tracked-changes>' +
      `<text:p>Introduction: diglossia.${annotation(arabic.full, tifinagh.given)}</text:p>` +
      '<text:p>Method text <text:change-start text:change-id="ct1"/>with an inserted sentence.<text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/></text:p>' +
      `<text:p><draw:frame draw:name="Figure 1"><draw:image xlink:href="${picture}"/></draw:frame></text:p>` +
      '<text:p><draw:frame draw:name="Chart 1"><draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame></text:p>' +
      '<text:p><draw:frame draw:name="Data"><draw:object-ole xlink:href="./Object 3"/></draw:frame></text:p>' +
      `<text:p><text:soft-page-break/>${PROSE_ARABIC}</text:p>` +
      '</office:text>',
  );
  const styles = odfStyles(
    `<style:header><text:p>Running head: diglossia</text:p><text:p>Draft — ${latin.full}</text:p></style:header>` +
      `<style:footer><text:p>${arabic.full}</text:p><text:p>Page <text:page-number/></text:p></style:footer>` +
      `<style:header-first><text:p>${tifinagh.full}</text:p></style:header-first>`,
  );
  const bytes = await odfZip(
    MEDIA_TYPES.odt,
    {
      'content.xml': content,
      'styles.xml': styles,
      'meta.xml': odfMeta(people),
      'settings.xml': printerSettings(`${arabic.full} LaserJet`),
      'Thumbnails/thumbnail.png': basePng([tEXt('Author', latin.full)]),
      [picture]: webp.bytes,
      ...object.parts,
      'Object 3': nested.bytes,
    },
    {
      'styles.xml': 'text/xml',
      'settings.xml': 'text/xml',
      'Thumbnails/thumbnail.png': 'image/png',
      [picture]: 'image/webp',
      ...object.entries,
      'Object 3': MEDIA_TYPES.ods,
    },
  );
  return {
    label: 'ODT',
    mediaType: MEDIA_TYPES.odt,
    bytes,
    planted: [
      ...metaPlants(people),
      plant('content.xml › office:annotation/dc:creator', arabic.full, 'annotation creator'),
      plant(
        'content.xml › office:annotation/meta:creator-initials',
        tifinagh.given,
        'annotation initials',
      ),
      plant('content.xml › office:change-info/dc:creator', latin.full, 'tracked insertion creator'),
      plant(
        'content.xml › office:change-info/dc:creator',
        tifinagh.full,
        'tracked deletion creator',
      ),
      plant('styles.xml › style:header/text:p', latin.full, 'header line'),
      plant('styles.xml › style:footer/text:p', arabic.full, 'footer line'),
      plant('styles.xml › style:header-first/text:p', tifinagh.full, 'first-page header line'),
      plant(
        'settings.xml › config:config-item-set/config:config-item',
        arabic.full,
        'printer name',
      ),
      plant('Thumbnails/thumbnail.png › tEXt Author', latin.full, 'thumbnail text'),
      ...within(picture, webp.planted),
      ...object.planted,
      ...within('Object 3', nested.planted),
    ],
    prose: {
      name: arabic.full,
      at: 'content.xml › office:text/text:p',
      warning: { location: 'body', page: 2 },
    },
  };
}

/**
 * ODS: meta.xml, a cell annotation's creator, a tracked cell change's creator, the page header
 * regions and footer in styles.xml, the printer, a JPEG in Pictures/ with EXIF, XMP, IPTC and a
 * comment, a chart object, and an embedded text document that embeds a spreadsheet (two levels).
 * The prose (a cell) names a contributor once.
 */
export async function odsFixture(): Promise<LeakFixture> {
  const picture = 'Pictures/10000000000000080000000818E6A5B4.jpg';
  const jpeg = await plantedImage('jpeg');
  const object = embeddedObject(2);
  const nested = await miniOdf('text', 1, {
    name: 'Object 3',
    built: await miniOdf('spreadsheet', 2),
  });
  const people = {
    initial: arabic.full,
    creator: tifinagh.full,
    printedBy: latin.full,
    userDefined: arabic.full,
  };
  const cell = (text: string, extra = '') =>
    `<table:table-cell office:value-type="string">${extra}<text:p>${text}</text:p></table:table-cell>`;
  const content = odfContent(
    '<office:spreadsheet><table:tracked-changes>' +
      '<table:cell-content-change table:id="ct1"><table:cell-address table:column="1" table:row="1" table:table="0"/>' +
      `${changeInfo(arabic.full)}<table:previous><table:change-track-table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:change-track-table-cell></table:previous>` +
      '</table:cell-content-change></table:tracked-changes>' +
      '<table:table table:name="Scores"><table:shapes><draw:frame draw:name="Figure 1"><draw:image xlink:href="' +
      picture +
      '"/></draw:frame><draw:frame draw:name="Chart 1"><draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>' +
      '<draw:frame draw:name="Data"><draw:object-ole xlink:href="./Object 3"/></draw:frame></table:shapes>' +
      `<table:table-row>${cell('Participant')}${cell('Score', annotation(latin.full, latin.given))}</table:table-row>` +
      `<table:table-row>${cell(PROSE_TIFINAGH)}</table:table-row>` +
      '</table:table></office:spreadsheet>',
  );
  const styles = odfStyles(
    `<style:header><style:region-left><text:p>${tifinagh.full}</text:p></style:region-left>` +
      '<style:region-right><text:p>Draft</text:p></style:region-right></style:header>' +
      `<style:footer><text:p>Page <text:page-number/> — ${latin.full}</text:p></style:footer>` +
      `<style:header-left><text:p>${arabic.full}</text:p></style:header-left>`,
  );
  const bytes = await odfZip(
    MEDIA_TYPES.ods,
    {
      'content.xml': content,
      'styles.xml': styles,
      'meta.xml': odfMeta(people),
      'settings.xml': printerSettings(`HP LaserJet (${latin.full})`),
      [picture]: jpeg.bytes,
      ...object.parts,
      'Object 3': nested.bytes,
    },
    {
      'styles.xml': 'text/xml',
      'settings.xml': 'text/xml',
      [picture]: 'image/jpeg',
      ...object.entries,
      'Object 3': MEDIA_TYPES.odt,
    },
  );
  return {
    label: 'ODS',
    mediaType: MEDIA_TYPES.ods,
    bytes,
    planted: [
      ...metaPlants(people),
      plant('content.xml › office:annotation/dc:creator', latin.full, 'cell annotation creator'),
      plant(
        'content.xml › office:annotation/meta:creator-initials',
        latin.given,
        'cell annotation initials',
      ),
      plant(
        'content.xml › office:change-info/dc:creator',
        arabic.full,
        'tracked cell change creator',
      ),
      plant('styles.xml › style:region-left/text:p', tifinagh.full, 'header region'),
      plant('styles.xml › style:footer/text:p', latin.full, 'footer line'),
      plant('styles.xml › style:header-left/text:p', arabic.full, 'even-page header'),
      plant('settings.xml › config:config-item-set/config:config-item', latin.full, 'printer name'),
      ...within(picture, jpeg.planted),
      ...object.planted,
      ...within('Object 3', nested.planted),
    ],
    prose: {
      name: tifinagh.full,
      at: 'content.xml › table:table-cell/text:p',
      warning: { location: 'body', paragraph: 5 },
    },
  };
}

/**
 * ODP: meta.xml, a slide annotation's creator and initials, the footer and header declarations
 * shown on every slide, the printer, a TIFF in Pictures/ with EXIF, XMP and IPTC, a chart object
 * and an embedded spreadsheet that embeds a text document (two levels). Slide 2 names a
 * contributor.
 */
export async function odpFixture(): Promise<LeakFixture> {
  const picture = 'Pictures/100000000000000200000002B4D3C2A1.tif';
  const tiff = await plantedImage('tiff');
  const object = embeddedObject(0);
  const nested = await miniOdf('spreadsheet', 0, {
    name: 'Object 3',
    built: await miniOdf('text', 1),
  });
  const people = {
    initial: tifinagh.full,
    creator: latin.full,
    printedBy: arabic.full,
    userDefined: tifinagh.full,
  };
  const frame = (text: string) =>
    `<draw:frame><draw:text-box><text:p>${text}</text:p></draw:text-box></draw:frame>`;
  const content = odfContent(
    '<office:presentation>' +
      `<presentation:header-decl presentation:name="hdr1">${arabic.full}</presentation:header-decl>` +
      `<presentation:footer-decl presentation:name="ftr1">${latin.full} — draft</presentation:footer-decl>` +
      '<draw:page draw:name="page1" presentation:use-footer-name="ftr1" presentation:use-header-name="hdr1">' +
      frame('Diglossia in Moroccan classrooms') +
      `<draw:frame draw:name="Figure 1"><draw:image xlink:href="${picture}"/></draw:frame>` +
      '<draw:frame draw:name="Chart 1"><draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>' +
      '<draw:frame draw:name="Data"><draw:object-ole xlink:href="./Object 3"/></draw:frame>' +
      annotation(tifinagh.full, arabic.given, 'officeooo:annotation') +
      '</draw:page>' +
      `<draw:page draw:name="page2" presentation:use-footer-name="ftr1">${frame(PROSE_LATIN)}</draw:page>` +
      '</office:presentation>',
  );
  const bytes = await odfZip(
    MEDIA_TYPES.odp,
    {
      'content.xml': content,
      'styles.xml': odfStyles(''),
      'meta.xml': odfMeta(people),
      'settings.xml': printerSettings(`${tifinagh.full} LaserJet`),
      [picture]: tiff.bytes,
      ...object.parts,
      'Object 3': nested.bytes,
    },
    {
      'styles.xml': 'text/xml',
      'settings.xml': 'text/xml',
      [picture]: 'image/tiff',
      ...object.entries,
      'Object 3': MEDIA_TYPES.ods,
    },
  );
  return {
    label: 'ODP',
    mediaType: MEDIA_TYPES.odp,
    bytes,
    planted: [
      ...metaPlants(people),
      plant(
        'content.xml › officeooo:annotation/dc:creator',
        tifinagh.full,
        'slide annotation creator',
      ),
      plant(
        'content.xml › officeooo:annotation/meta:creator-initials',
        arabic.given,
        'slide annotation initials',
      ),
      plant(
        'content.xml › office:presentation/presentation:footer-decl',
        latin.full,
        'footer on every slide',
      ),
      plant(
        'content.xml › office:presentation/presentation:header-decl',
        arabic.full,
        'header on notes and handouts',
      ),
      plant(
        'settings.xml › config:config-item-set/config:config-item',
        tifinagh.full,
        'printer name',
      ),
      ...within(picture, tiff.planted),
      ...object.planted,
      ...within('Object 3', nested.planted),
    ],
    prose: {
      name: latin.full,
      at: 'content.xml › draw:text-box/text:p',
      warning: { location: 'body', page: 2 },
    },
  };
}

// --- PDF --------------------------------------------------------------------------------------

/** A literal string of raw bytes (UTF-16BE with its mark), escaped as PDF literals must be. */
function utf16Literal(text: string): PDFString {
  const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  let raw = '';
  for (const byte of bytes)
    raw +=
      (byte === 0x28 || byte === 0x29 || byte === 0x5c ? '\\' : '') + String.fromCharCode(byte);
  return PDFString.of(raw);
}

const xmpPacket = (creators: readonly string[], tool: string) =>
  '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">' +
  `<dc:creator><rdf:Seq>${creators.map((c) => `<rdf:li>${c}</rdf:li>`).join('')}</rdf:Seq></dc:creator>` +
  `<xmp:CreatorTool>${tool}</xmp:CreatorTool>` +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/** An embedded file's stream (compressed) and its file specification. */
function attach(context: PDFContext, bytes: Buffer, fileName: string, description: string) {
  const stream = context.register(
    context.flateStream(bytes, {
      Type: 'EmbeddedFile',
      Subtype: MEDIA_TYPES.docx,
      Params: { Size: bytes.length },
    }),
  );
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of('attachment.docx'),
      UF: PDFHexString.fromText(fileName),
      Desc: PDFString.of(description),
      EF: { F: stream },
    }),
  );
  return { stream, spec };
}

/**
 * PDF (two pages): the Info dictionary (Author as a Latin-1 literal, Creator as UTF-16 hex,
 * Producer as a UTF-16 literal, Keywords, a private key), document XMP and a page's compressed
 * XMP, annotation authors (a note, its pop-up, a file attachment), a JPEG photo with EXIF, XMP,
 * IPTC and a comment, and two attached documents with names in their file names and
 * descriptions: one in the EmbeddedFiles name tree, one behind a FileAttachment annotation.
 * Page 2 names a contributor.
 */
export async function pdfFixture(): Promise<LeakFixture> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const { context } = document;
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page1 = document.addPage([595, 842]);
  page1.drawText('Diglossia in Moroccan classrooms', { x: 50, y: 780, size: 16, font });
  const photo = await plantedImage('jpeg');
  const image = await document.embedJpg(photo.bytes);
  page1.drawImage(image, { x: 50, y: 600, width: 96, height: 96 });
  const page2 = document.addPage([595, 842]);
  page2.drawText(PROSE_LATIN, { x: 50, y: 780, size: 12, font });
  const contents = page2.node.Contents();
  const proseStream = contents instanceof PDFArray ? contents.get(contents.size() - 1) : undefined;
  if (!(proseStream instanceof PDFRef)) throw new Error('pdf-lib wrote page 2 differently');

  document.setTitle('Diglossia in Moroccan classrooms');
  document.setKeywords(['diglossia', `${latin.family} corpus`]);
  document.setCreator(arabic.full);
  const infoRef = context.trailerInfo.Info as PDFRef;
  const info = context.lookup(infoRef, PDFDict);
  info.set(PDFName.of('Author'), PDFString.of(latin.full)); // Latin-1 bytes: "A\xeft"
  info.set(PDFName.of('Producer'), utf16Literal(tifinagh.full));
  info.set(PDFName.of('LastModifiedBy'), utf16Literal(arabic.full)); // ة is 06 29: an escaped ")"

  const xmp = context.register(
    context.stream(Buffer.from(xmpPacket([latin.full, arabic.full], tifinagh.full), 'utf8'), {
      Type: 'Metadata',
      Subtype: 'XML',
    }),
  );
  document.catalog.set(PDFName.of('Metadata'), xmp);
  const pageXmp = context.register(
    context.flateStream(Buffer.from(xmpPacket([tifinagh.full], 'Writer'), 'utf8'), {
      Type: 'Metadata',
      Subtype: 'XML',
    }),
  );
  page1.node.set(PDFName.of('Metadata'), pageXmp);

  const popup = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Popup',
      Rect: [300, 600, 450, 700],
      T: PDFString.of(latin.full),
    }),
  );
  const note = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [50, 560, 70, 580],
      Contents: PDFString.of('Check the sample size.'),
      T: PDFHexString.fromText(arabic.full),
      Popup: popup,
    }),
  );
  const annexDocx = await miniDocx(names(1));
  const annex = attach(
    context,
    annexDocx.bytes,
    `${latin.family}_interviews.docx`,
    `Interviews coded by ${latin.full}`,
  );
  const attachmentAnnotation = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'FileAttachment',
      Rect: [50, 520, 70, 540],
      Name: 'PushPin',
      Contents: PDFString.of('Interview data'),
      T: PDFHexString.fromText(tifinagh.full),
      FS: annex.spec,
    }),
  );
  page1.node.set(PDFName.of('Annots'), context.obj([note, attachmentAnnotation]));

  const codebookDocx = await documentWithWorkbook();
  const codebookName = `${arabic.full} - codebook.docx`;
  const codebook = attach(context, codebookDocx.bytes, codebookName, 'Codebook');
  const tree = context.register(
    context.obj({ Names: [PDFHexString.fromText(codebookName), codebook.spec] }),
  );
  document.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: tree }));

  const bytes = Buffer.from(await document.save({ useObjectStreams: false }));
  const obj = (ref: PDFRef) => `obj ${ref.objectNumber}`;
  return {
    label: 'PDF',
    mediaType: MEDIA_TYPES.pdf,
    bytes,
    planted: [
      plant(`${obj(infoRef)} /Author`, latin.full, 'Info Author (Latin-1 literal)'),
      plant(`${obj(infoRef)} /Creator`, arabic.full, 'Info Creator (UTF-16 hex)'),
      plant(`${obj(infoRef)} /Producer`, tifinagh.full, 'Info Producer (UTF-16 literal)'),
      plant(
        `${obj(infoRef)} /LastModifiedBy`,
        arabic.full,
        'Info private key (escaped UTF-16 literal)',
      ),
      plant(`${obj(infoRef)} /Keywords`, latin.family, 'Info Keywords'),
      plant(`${obj(xmp)} stream › rdf:Seq/rdf:li`, latin.full, 'XMP dc:creator'),
      plant(`${obj(xmp)} stream › rdf:Seq/rdf:li`, arabic.full, 'XMP dc:creator'),
      plant(
        `${obj(xmp)} stream › rdf:Description/xmp:CreatorTool`,
        tifinagh.full,
        'XMP CreatorTool',
      ),
      plant(`${obj(pageXmp)} stream › rdf:Seq/rdf:li`, tifinagh.full, 'page XMP (compressed)'),
      plant(`${obj(note)} /T`, arabic.full, 'note annotation author'),
      plant(`${obj(popup)} /T`, latin.full, 'pop-up annotation author'),
      plant(`${obj(attachmentAnnotation)} /T`, tifinagh.full, 'file attachment annotation author'),
      plant(`${obj(annex.spec)} /UF`, latin.family, 'attachment file name'),
      plant(`${obj(annex.spec)} /Desc`, latin.full, 'attachment description'),
      plant(`${obj(codebook.spec)} /UF`, arabic.full, 'attachment file name (name tree)'),
      plant(`${obj(tree)} /Names`, arabic.full, 'EmbeddedFiles name tree key'),
      ...within(`${obj(image.ref)} stream`, photo.planted),
      ...within(`${obj(annex.stream)} stream`, annexDocx.planted),
      ...within(`${obj(codebook.stream)} stream`, codebookDocx.planted),
    ],
    prose: {
      name: latin.full,
      at: `${obj(proseStream)} stream`,
      warning: { location: 'body', page: 2 },
    },
  };
}

// --- Images on their own ----------------------------------------------------------------------

export async function imageFixture(kind: ImageKind): Promise<LeakFixture> {
  const image = await plantedImage(kind);
  return {
    label: kind.toUpperCase(),
    mediaType: MEDIA_TYPES[kind],
    bytes: image.bytes,
    planted: image.planted,
  };
}

// --- Text formats -----------------------------------------------------------------------------

/** SVG: the metadata (RDF creator and rights), an editor's comment, file-name and export path attributes. */
export function svgFixture(): LeakFixture {
  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<!-- Created by ${latin.full} with Inkscape -->\n` +
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" ' +
    'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" ' +
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="200" height="100" ' +
    `sodipodi:docname="${latin.family}-figure-1.svg" inkscape:export-filename="/home/amezzane/figures/fig1.png">\n` +
    '<metadata><rdf:RDF><cc:Work rdf:about="">' +
    `<dc:creator><cc:Agent><dc:title>${arabic.full}</dc:title></cc:Agent></dc:creator>` +
    `<dc:rights><cc:Agent><dc:title>${asCharacterReferences(tifinagh.full)}</dc:title></cc:Agent></dc:rights>` +
    '</cc:Work></rdf:RDF></metadata>\n' +
    '<rect x="10" y="10" width="40" height="60" fill="#c33"/>\n' +
    `<text x="10" y="90">${PROSE_TIFINAGH}</text>\n</svg>\n`;
  return {
    label: 'SVG',
    mediaType: MEDIA_TYPES.svg,
    bytes: Buffer.from(svg, 'utf8'),
    planted: [
      plant('comment', latin.full, 'editor comment'),
      plant('svg@sodipodi:docname', latin.family, 'document file name'),
      plant('svg@inkscape:export-filename', 'amezzane', 'export path'),
      plant('cc:Agent/dc:title', arabic.full, 'metadata creator'),
      plant('cc:Agent/dc:title', tifinagh.full, 'metadata rights (character references)'),
    ],
    prose: { name: tifinagh.full, at: 'svg/text', warning: { location: 'body' } },
  };
}

/** Markdown: front matter with authors, affiliations, e-mail and ORCID; a mention in the body. */
export function markdownFixture(): LeakFixture {
  const lines = [
    '---',
    'title: "Diglossia in Moroccan classrooms"',
    `author: ${latin.full}`,
    'authors:',
    `  - name: ${arabic.full}`,
    '    affiliation: Université Ibn Tofail',
    `  - name: "${tifinagh.full}"`,
    '    email: tiziri.amezzane@uit.ac.ma',
    'orcid: 0000-0002-1825-0097',
    'contact:',
    '  email: amezzane@example.org',
    '  office: B12',
    'lang: ar',
    '---',
    '',
    '# Introduction',
    '',
    PROSE_ARABIC,
    '',
  ];
  return {
    label: 'Markdown',
    mediaType: MEDIA_TYPES.markdown,
    bytes: Buffer.from(lines.join('\n'), 'utf8'),
    planted: [
      plant('line 3', latin.full, 'front matter author'),
      plant('line 5', arabic.full, 'front matter authors list'),
      plant('line 7', tifinagh.full, 'front matter authors list'),
      plant('line 8', 'amezzane', 'front matter e-mail'),
      plant('line 11', 'amezzane', 'front matter contact e-mail'),
    ],
    // Eight front-matter lines go: the mention moves from line 18 to line 10.
    prose: {
      name: arabic.full,
      at: 'line 18',
      cleanedAt: 'line 10',
      warning: { location: 'body', line: 10 },
    },
  };
}

/** CSV and plain text hold nothing but their text: one mention, which must stay and be reported. */
export function csvFixture(): LeakFixture {
  return {
    label: 'CSV',
    mediaType: MEDIA_TYPES.csv,
    bytes: Buffer.from(`participant,coder,score\n1,${tifinagh.full},3\n2,B,4\n`, 'utf8'),
    planted: [],
    prose: { name: tifinagh.full, at: 'line 2', warning: { location: 'body', line: 2 } },
  };
}

export function textFixture(): LeakFixture {
  return {
    label: 'plain text',
    mediaType: MEDIA_TYPES.text,
    bytes: Buffer.from(`Notes\n\n${PROSE_LATIN}\n`, 'utf8'),
    planted: [],
    prose: { name: latin.full, at: 'line 3', warning: { location: 'body', line: 3 } },
  };
}

/** Every fixture, by label. */
export const LEAK_FIXTURES: Record<string, () => LeakFixture | Promise<LeakFixture>> = {
  DOCX: docxFixture,
  XLSX: xlsxFixture,
  PPTX: pptxFixture,
  ODT: odtFixture,
  ODS: odsFixture,
  ODP: odpFixture,
  PDF: pdfFixture,
  JPEG: () => imageFixture('jpeg'),
  PNG: () => imageFixture('png'),
  TIFF: () => imageFixture('tiff'),
  WebP: () => imageFixture('webp'),
  GIF: () => imageFixture('gif'),
  SVG: svgFixture,
  Markdown: markdownFixture,
  CSV: csvFixture,
  'plain text': textFixture,
};

// --- Files the pipeline must refuse -----------------------------------------------------------

/** A compound file (OLE2) header: what an embedded legacy object starts with. */
const OLE_HEADER = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

/** A DOCX with a legacy OLE object in word/embeddings. */
export async function docxWithOleObject(): Promise<Buffer> {
  const document = await miniDocx(names(0), undefined, {
    name: 'word/embeddings/oleObject1.bin',
    built: { bytes: OLE_HEADER, planted: [] },
  });
  return document.bytes;
}

/** A DOCX with a zip archive (not an office package) in word/embeddings. */
export async function docxWithZip(): Promise<Buffer> {
  const archive = await zip({ 'data/interviews.txt': `Transcribed by ${latin.full}` });
  return (
    await miniDocx(names(0), undefined, {
      name: 'word/embeddings/data.zip',
      built: { bytes: archive, planted: [] },
    })
  ).bytes;
}

/** A zip archive on its own. */
export function plainZip(): Promise<Buffer> {
  return zip({ 'notes.txt': `Notes by ${latin.full}` });
}

/** A PDF whose trailer declares encryption (the standard security handler). */
export async function encryptedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage();
  const { context } = document;
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('00'.repeat(32)),
      U: PDFHexString.of('00'.repeat(32)),
      P: -4,
    }),
  );
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
