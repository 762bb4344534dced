/**
 * A leak scanner for the anonymisation tests: where, anywhere in a file, is a planted string?
 *
 *   const hits = findPlanted(bytes, ['Leila Benali', 'ليلى بنعلي']);
 *   // [{ needle: 'Leila Benali', where: 'word/embeddings/x.xlsx › docProps/core.xml ›
 *   //    cp:coreProperties/dc:creator', form: 'utf8', count: 1 }, …]
 *
 * It trusts nothing the pipeline does: it searches the raw bytes, then opens every container it
 * recognises and searches what is inside, recursively: zip entries (zip in zip in zip), PDF
 * streams (Flate inflated, or raw, so a JPEG in a PDF is opened too), PNG compressed text, the
 * EXIF (TIFF) structures of JPEG, PNG and WebP, Photoshop resources and IPTC records, GIF
 * comment blocks. Every needle is looked for as UTF-8, Latin-1, UTF-16LE and UTF-16BE, as PDF
 * hex strings and escaped literals, and, in XML, behind numeric character references.
 *
 * `where` names the path to the hit, one container per segment, down to the smallest thing
 * the scanner knows: a zip entry, an XML element or attribute ('w:ins@w:author'), an EXIF tag
 * ('APP1 Exif › IFD0 Artist'), a PNG chunk, a PDF object and key ('obj 12 /Author').
 */
import { inflateRawSync, inflateSync } from 'node:zlib';

export interface Hit {
  needle: string;
  /** Containers and the place in the last one, joined by ' › '; '' for the file's own text. */
  where: string;
  /** How the needle was written: 'utf8', 'utf16le', 'pdf-hex-utf16be', 'xml-ncr', … */
  form: string;
  count: number;
}

/** Between a container and what is inside it, as the pipeline's report writes it. */
export const INSIDE = ' › ';

type Format =
  | 'zip'
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'exif'
  | 'irb'
  | 'iptc'
  | 'xml'
  | 'text';

/** The image formats the lossless check compares (an EXIF block is TIFF-shaped, not an image). */
export const IMAGE_FORMATS = ['jpeg', 'png', 'gif', 'webp', 'tiff'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

interface Region {
  start: number;
  end: number;
  /** What this span is ('' for a wrapper that adds nothing to the path). */
  label: string;
  /** A file inside: what to search instead of these bytes (inflated, or the same bytes). */
  child?: () => Uint8Array | undefined;
  /** What the child is, when its bytes do not say (EXIF, IPTC records). */
  format?: Format;
}

interface Node {
  path: string[];
  bytes: Buffer;
  format: Format | undefined;
  regions: Region[];
}

const MAX_DEPTH = 12;

// --- Format detection ---------------------------------------------------------------------

const startsWith = (bytes: Buffer, text: string, at = 0) =>
  bytes.length >= at + text.length && bytes.toString('latin1', at, at + text.length) === text;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(bytes: Buffer): string | undefined {
  if (bytes.length === 0 || bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function detect(bytes: Buffer): Format | undefined {
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) return 'zip';
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(bytes, 'GIF8')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, 'II*\0') || startsWith(bytes, 'MM\0*')) return 'tiff';
  if (startsWith(bytes, '8BIM')) return 'irb';
  const text = asText(bytes);
  if (text === undefined) return undefined;
  return /^\ufeff?\s*</u.test(text) ? 'xml' : 'text';
}

// --- Layouts: what each span of a file is ----------------------------------------------------

function zipLayout(b: Buffer): Region[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const regions: Region[] = [{ start: eocd, end: b.length, label: 'zip end record and comment' }];
  const count = b.readUInt16LE(eocd + 10);
  const directorySize = b.readUInt32LE(eocd + 12);
  let p = b.readUInt32LE(eocd + 16);
  regions.push({ start: p, end: p + directorySize, label: 'zip central directory' });
  for (let i = 0; i < count && b.readUInt32LE(p) === 0x02014b50; i++) {
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const nameLength = b.readUInt16LE(p + 28);
    const header = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const dataStart = header + 30 + b.readUInt16LE(header + 26) + b.readUInt16LE(header + 28);
    const data = b.subarray(dataStart, dataStart + compressed);
    regions.push({ start: header, end: dataStart, label: `${name} (zip header)` });
    if (name.endsWith('/')) continue;
    regions.push({
      start: dataStart,
      end: dataStart + compressed,
      label: name,
      child: () => (method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined),
    });
  }
  return regions;
}

/** Objects, their strings (labelled by the key before them) and their streams, inflated. */
function pdfLayout(b: Buffer): Region[] {
  const text = b.toString('latin1');
  const regions: Region[] = [];
  for (const object of text.matchAll(/(\d+)\s+\d+\s+obj\b/gu)) {
    const start = object.index;
    const label = `obj ${object[1]}`;
    const endObj = text.indexOf('endobj', start);
    const end = endObj === -1 ? b.length : endObj + 'endobj'.length;
    regions.push({ start, end, label });
    const body = start + object[0].length;
    const streamAt = /(?<!end)stream(\r\n|\n|\r)/gu;
    streamAt.lastIndex = body;
    const stream = streamAt.exec(text);
    const dictEnd = stream && stream.index < end ? stream.index : end;
    // Every string of the dictionary, named by the last key before it.
    const strings = /\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]+>/gu;
    strings.lastIndex = body;
    for (let s = strings.exec(text); s && s.index < dictEnd; s = strings.exec(text)) {
      const key = /\/([^\s/<>[\]()]+)[^/]*$/u.exec(text.slice(body, s.index))?.[1];
      if (key)
        regions.push({ start: s.index, end: s.index + s[0].length, label: `${label} /${key}` });
    }
    if (!stream || stream.index >= end) continue;
    const dataStart = stream.index + stream[0].length;
    let dataEnd = text.lastIndexOf('endstream', end);
    if (dataEnd < dataStart) continue;
    if (text[dataEnd - 1] === '\n') dataEnd--;
    if (text[dataEnd - 1] === '\r') dataEnd--;
    const dict = text.slice(body, stream.index);
    const data = b.subarray(dataStart, dataEnd);
    const flate = /\/FlateDecode\b/u.test(dict);
    regions.push({
      start: dataStart,
      end: dataEnd,
      label: `${label} stream`,
      child: () => {
        if (!flate) return data;
        try {
          return inflateSync(data);
        } catch {
          return undefined; // not Flate after all, or damaged: the raw bytes were searched
        }
      },
    });
  }
  return regions;
}

const JPEG_MARKERS: Record<number, string> = {
  0xc0: 'SOF0',
  0xc1: 'SOF1',
  0xc2: 'SOF2',
  0xc4: 'DHT',
  0xda: 'SOS',
  0xdb: 'DQT',
  0xdd: 'DRI',
  0xfe: 'COM',
};

function jpegLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let p = 2;
  while (p + 4 <= b.length && b[p] === 0xff) {
    const marker = b[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker >= 0xd0 && marker <= 0xd7) {
      p += 2;
      continue;
    }
    const end = p + 2 + b.readUInt16BE(p + 2);
    const body = p + 4;
    let label = JPEG_MARKERS[marker] ?? `marker 0x${marker.toString(16)}`;
    let child: Region['child'];
    let format: Format | undefined;
    if (marker >= 0xe0 && marker <= 0xef) {
      label = `APP${marker - 0xe0}`;
      if (marker === 0xe1 && startsWith(b, 'Exif\0\0', body)) {
        label = 'APP1 Exif';
        child = () => b.subarray(body + 6, end);
        format = 'exif';
      } else if (marker === 0xe1 && startsWith(b, 'http://ns.adobe.com/xap/1.0/\0', body))
        label = 'APP1 XMP';
      else if (marker === 0xe1 && startsWith(b, 'http://ns.adobe.com/xmp/extension/\0', body))
        label = 'APP1 XMP extension';
      else if (marker === 0xed && startsWith(b, 'Photoshop 3.0\0', body)) {
        label = 'APP13 Photoshop';
        child = () => b.subarray(body + 14, end);
        format = 'irb';
      } else if (marker === 0xe2 && startsWith(b, 'ICC_PROFILE\0', body)) label = 'APP2 ICC';
      else if (marker === 0xe0 && startsWith(b, 'JFIF\0', body)) label = 'APP0 JFIF';
      else if (marker === 0xee && startsWith(b, 'Adobe', body)) label = 'APP14 Adobe';
    }
    regions.push({ start: p, end, label, child, format });
    p = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0 nor a restart.
      let q = p;
      while (q + 1 < b.length && !(b[q] === 0xff && b[q + 1] !== 0 && (b[q + 1] & 0xf8) !== 0xd0))
        q++;
      regions.push({ start: p, end: q, label: 'image data' });
      p = q;
    }
  }
  return regions;
}

/** Photoshop image resources (JPEG APP13, TIFF tag 34377): IPTC, XMP, EXIF inside. */
function irbLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let p = 0;
  while (p + 12 <= b.length && startsWith(b, '8BIM', p)) {
    const id = b.readUInt16BE(p + 4);
    const nameField = (b[p + 6] + 2) & ~1;
    const size = b.readUInt32BE(p + 6 + nameField);
    const dataStart = p + 10 + nameField;
    const data = b.subarray(dataStart, dataStart + size);
    const end = dataStart + size + (size & 1);
    if (id === 0x0404)
      regions.push({ start: p, end, label: '', child: () => data, format: 'iptc' });
    else if (id === 0x0422)
      regions.push({ start: p, end, label: 'EXIF', child: () => data, format: 'exif' });
    else if (id === 0x0424) regions.push({ start: p, end, label: 'XMP' });
    else regions.push({ start: p, end, label: `8BIM 0x${id.toString(16).padStart(4, '0')}` });
    p = end;
  }
  return regions;
}

const IPTC_DATASETS: Record<string, string> = {
  '1:90': 'CodedCharacterSet',
  '2:5': 'ObjectName',
  '2:25': 'Keywords',
  '2:80': 'By-line',
  '2:85': 'By-lineTitle',
  '2:105': 'Headline',
  '2:110': 'Credit',
  '2:115': 'Source',
  '2:116': 'CopyrightNotice',
  '2:118': 'Contact',
  '2:120': 'Caption-Abstract',
  '2:122': 'Writer-Editor',
};

function iptcLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let p = 0;
  while (p + 5 <= b.length && b[p] === 0x1c) {
    const key = `${b[p + 1]}:${b[p + 2]}`;
    const end = p + 5 + b.readUInt16BE(p + 3);
    regions.push({ start: p, end, label: `IPTC ${IPTC_DATASETS[key] ?? key}` });
    p = end;
  }
  return regions;
}

const TIFF_TAGS: Record<number, string> = {
  0x010d: 'DocumentName',
  0x010e: 'ImageDescription',
  0x010f: 'Make',
  0x0110: 'Model',
  0x0111: 'StripOffsets',
  0x0131: 'Software',
  0x0132: 'DateTime',
  0x013b: 'Artist',
  0x013c: 'HostComputer',
  0x02bc: 'XMP',
  0x8298: 'Copyright',
  0x83bb: 'IPTC-NAA',
  0x8649: 'Photoshop',
  0x9286: 'UserComment',
  0x927c: 'MakerNote',
  0x9c9b: 'XPTitle',
  0x9c9c: 'XPComment',
  0x9c9d: 'XPAuthor',
  0x9c9e: 'XPKeywords',
  0x9c9f: 'XPSubject',
  0xa420: 'ImageUniqueID',
  0xa430: 'CameraOwnerName',
  0xa431: 'BodySerialNumber',
};
const TIFF_TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
const SUB_IFDS: Record<number, string> = { 0x8769: 'ExifIFD', 0x8825: 'GPS', 0xa005: 'InteropIFD' };

/** One entry of a TIFF directory: its tag and where its value is. */
interface TiffEntry {
  ifd: string;
  tag: number;
  type: number;
  count: number;
  valueAt: number;
  size: number;
}

/** Every entry of every directory of a TIFF structure (a TIFF file, or an EXIF block). */
function tiffEntries(b: Buffer): {
  entries: TiffEntry[];
  u16: (o: number) => number;
  u32: (o: number) => number;
} {
  const little = b[0] === 0x49;
  const u16 = (o: number) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const entries: TiffEntry[] = [];
  const seen = new Set<number>();
  const walk = (offset: number, ifd: string): number => {
    if (!offset || seen.has(offset) || offset + 2 > b.length) return 0;
    seen.add(offset);
    const n = u16(offset);
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12;
      if (e + 12 > b.length) break;
      const tag = u16(e);
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = count * (TIFF_TYPE_SIZES[type] ?? 1);
      entries.push({ ifd, tag, type, count, valueAt: size > 4 ? u32(e + 8) : e + 8, size });
      if (SUB_IFDS[tag]) walk(u32(e + 8), SUB_IFDS[tag]);
      if (tag === 0x014a) {
        for (let k = 0; k < count; k++)
          walk(count === 1 ? u32(e + 8) : u32(u32(e + 8) + 4 * k), 'SubIFD');
      }
    }
    const nextAt = offset + 2 + n * 12;
    return nextAt + 4 <= b.length ? u32(nextAt) : 0;
  };
  let next = u32(4);
  for (let k = 0; next && k < 16; k++) next = walk(next, `IFD${k}`);
  return { entries, u16, u32 };
}

/** The values of a SHORT or LONG array entry (strip offsets and sizes). */
function tiffNumbers(entry: TiffEntry, u16: (o: number) => number, u32: (o: number) => number) {
  const values: number[] = [];
  for (let i = 0; i < entry.count; i++)
    values.push(entry.type === 3 ? u16(entry.valueAt + 2 * i) : u32(entry.valueAt + 4 * i));
  return values;
}

function tiffLayout(b: Buffer): Region[] {
  const { entries, u16, u32 } = tiffEntries(b);
  const regions: Region[] = [];
  for (const entry of entries) {
    if (entry.size <= 4) continue;
    const label = `${entry.ifd} ${TIFF_TAGS[entry.tag] ?? `tag 0x${entry.tag.toString(16)}`}`;
    const data = b.subarray(entry.valueAt, entry.valueAt + entry.size);
    const format: Format | undefined =
      entry.tag === 0x83bb ? 'iptc' : entry.tag === 0x8649 ? 'irb' : undefined;
    regions.push({
      start: entry.valueAt,
      end: entry.valueAt + entry.size,
      label,
      child: format ? () => data : undefined,
      format,
    });
  }
  // The image itself: strips or tiles.
  for (const [offsetsTag, sizesTag] of [
    [0x0111, 0x0117],
    [0x0144, 0x0145],
  ]) {
    for (const offsets of entries.filter((e) => e.tag === offsetsTag)) {
      const sizes = entries.find((e) => e.tag === sizesTag && e.ifd === offsets.ifd);
      if (!sizes) continue;
      const starts = tiffNumbers(offsets, u16, u32);
      const lengths = tiffNumbers(sizes, u16, u32);
      starts.forEach((start, i) =>
        regions.push({ start, end: start + (lengths[i] ?? 0), label: `${offsets.ifd} image data` }),
      );
    }
  }
  return regions;
}

function pngLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let p = 8;
  while (p + 12 <= b.length) {
    const length = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    const data = b.subarray(p + 8, p + 8 + length);
    const end = p + 12 + length;
    const zero = data.indexOf(0);
    const keyword = zero === -1 ? '' : data.toString('latin1', 0, zero);
    const region: Region = { start: p, end, label: type };
    if (type === 'tEXt') region.label = `tEXt ${keyword}`;
    else if (type === 'zTXt') {
      region.label = `zTXt ${keyword}`;
      region.child = () => inflateSync(data.subarray(zero + 2));
    } else if (type === 'iTXt') {
      region.label = `iTXt ${keyword}`;
      if (data[zero + 1] === 1) {
        // keyword \0 flag method language \0 translated keyword \0 text
        const language = data.indexOf(0, zero + 3);
        const translated = data.indexOf(0, language + 1);
        region.child = () => inflateSync(data.subarray(translated + 1));
      }
    } else if (type === 'eXIf') {
      region.child = () => data;
      region.format = 'exif';
    } else if (type === 'iCCP') {
      region.child = () => inflateSync(data.subarray(zero + 2));
    }
    regions.push(region);
    p = end;
  }
  return regions;
}

function gifLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  const colourTable = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  /** Sub-blocks from `p` to their terminator: their data joined, and where they end. */
  const subBlocks = (p: number) => {
    const pieces: Buffer[] = [];
    let q = p;
    while (q < b.length && b[q] !== 0) {
      pieces.push(b.subarray(q + 1, q + 1 + b[q]));
      q += 1 + b[q];
    }
    return { data: Buffer.concat(pieces), end: q + 1 };
  };
  let p = 13 + colourTable(b[10]);
  while (p < b.length) {
    if (b[p] === 0x21) {
      const kind = b[p + 1];
      const { data, end } = subBlocks(p + 2);
      if (kind === 0xfe)
        regions.push({ start: p, end, label: 'comment extension', child: () => data });
      else if (kind === 0x01)
        regions.push({ start: p, end, label: 'plain text extension', child: () => data });
      else if (kind === 0xff) {
        const id = b.toString('latin1', p + 3, p + 14);
        // XMP is stored raw, with a trailer that makes it walk as sub-blocks: search it as is.
        regions.push({
          start: p,
          end,
          label: id === 'XMP DataXMP' ? 'XMP extension' : `application extension ${id}`,
        });
      } else if (kind === 0xf9) regions.push({ start: p, end, label: 'graphic control extension' });
      else regions.push({ start: p, end, label: `extension 0x${kind.toString(16)}` });
      p = end;
    } else if (b[p] === 0x2c) {
      const { end } = subBlocks(p + 10 + colourTable(b[p + 9]) + 1);
      regions.push({ start: p, end, label: 'image data' });
      p = end;
    } else break; // 0x3b, the trailer, or damage
  }
  return regions;
}

function webpLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let p = 12;
  while (p + 8 <= b.length) {
    const fourcc = b.toString('latin1', p, p + 4);
    const size = b.readUInt32LE(p + 4);
    const data = b.subarray(p + 8, p + 8 + size);
    const end = p + 8 + size + (size & 1);
    if (fourcc === 'EXIF')
      regions.push({
        start: p,
        end,
        label: 'EXIF',
        child: () => (startsWith(data, 'Exif\0\0') ? data.subarray(6) : data),
        format: 'exif',
      });
    else if (['VP8 ', 'VP8L', 'ALPH', 'ANMF'].includes(fourcc))
      regions.push({ start: p, end, label: 'image data' });
    else regions.push({ start: p, end, label: fourcc.trim() });
    p = end;
  }
  return regions;
}

// Comment | CDATA | processing instruction | doctype | tag: slash, name, attributes.
const XML_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(?:[^>"'[]|"[^"]*"|'[^']*'|\[[\s\S]*?\])*>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/gu;
const XML_ATTRIBUTE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/gu;

/** Text runs (named by their element and its parent), attribute values, comments. */
function xmlLayout(b: Buffer): Region[] {
  const text = b.toString('utf8');
  const regions: Region[] = [];
  // Byte offsets of string offsets, computed as the tokens go by (the text is UTF-8).
  let charAt = 0;
  let byteAt = 0;
  const byteOf = (offset: number) => {
    byteAt += Buffer.byteLength(text.slice(charAt, offset));
    charAt = offset;
    return byteAt;
  };
  const add = (start: number, end: number, label: string) => {
    if (end > start) regions.push({ start: byteOf(start), end: byteOf(end), label });
  };
  const stack: string[] = [];
  const here = () => stack.slice(-2).join('/') || 'text';
  let last = 0;
  for (const token of text.matchAll(XML_TOKEN)) {
    add(last, token.index, here());
    const [whole, slash, name, attributes] = token;
    last = token.index + whole.length;
    if (whole.startsWith('<!--')) add(token.index, last, 'comment');
    else if (whole.startsWith('<![CDATA[')) add(token.index, last, here());
    else if (whole.startsWith('<?')) add(token.index, last, 'processing instruction');
    else if (name === undefined) add(token.index, last, 'doctype');
    else if (slash) stack.pop();
    else {
      const attributesAt = token.index + 1 + name.length;
      for (const attribute of attributes.matchAll(XML_ATTRIBUTE)) {
        const valueAt = attributesAt + attribute.index + attribute[0].length - attribute[2].length;
        add(valueAt, valueAt + attribute[2].length, `${name}@${attribute[1]}`);
      }
      if (!whole.endsWith('/>')) stack.push(name);
    }
  }
  add(last, text.length, here());
  return regions;
}

/** A text file: each line is a place ('line 3'). */
function textLayout(b: Buffer): Region[] {
  const regions: Region[] = [];
  let start = 0;
  for (let line = 1; start <= b.length; line++) {
    const newline = b.indexOf(0x0a, start);
    const end = newline === -1 ? b.length : newline + 1;
    regions.push({ start, end, label: `line ${line}` });
    if (newline === -1) break;
    start = end;
  }
  return regions;
}

const LAYOUTS: Record<Format, (bytes: Buffer) => Region[]> = {
  zip: zipLayout,
  pdf: pdfLayout,
  jpeg: jpegLayout,
  png: pngLayout,
  gif: gifLayout,
  webp: webpLayout,
  tiff: tiffLayout,
  exif: tiffLayout,
  irb: irbLayout,
  iptc: iptcLayout,
  xml: xmlLayout,
  text: textLayout,
};

/** Every file inside `bytes`, itself first, each with the layout of its spans. */
function walk(bytes: Buffer, path: string[] = [], format?: Format, depth = 0): Node[] {
  const kind = format ?? detect(bytes);
  let regions: Region[] = [];
  try {
    // Lines are places in an uploaded text file only, not in a stream or a comment block.
    if (kind && (kind !== 'text' || depth === 0)) regions = LAYOUTS[kind](bytes);
  } catch {
    // A structure the layout misreads (damaged, or not what it looked like): the raw bytes
    // are still searched, with no finer place than this file.
  }
  const nodes: Node[] = [{ path, bytes, format: kind, regions }];
  if (depth >= MAX_DEPTH) return nodes;
  for (const region of regions) {
    if (!region.child) continue;
    let child: Uint8Array | undefined;
    try {
      child = region.child();
    } catch {
      child = undefined;
    }
    if (!child) {
      delete region.child; // could not be opened: its raw bytes are searched where they are
      continue;
    }
    const childPath = region.label ? [...path, region.label] : path;
    nodes.push(...walk(Buffer.from(child), childPath, region.format, depth + 1));
  }
  return nodes;
}

// --- Needles -------------------------------------------------------------------------------

interface Form {
  form: string;
  /** Bytes to find as they are. */
  bytes?: Buffer;
  /** Lower-case hex digits to find in the bytes read as Latin-1 text (PDF hex strings). */
  hex?: string;
}

/** Escapes the bytes a PDF literal string escapes: ( ) and backslash. */
function pdfLiteral(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out.push(0x5c);
    out.push(byte);
  }
  return Buffer.from(out);
}

function formsOf(needle: string): Form[] {
  const utf8Bytes = Buffer.from(needle, 'utf8');
  const utf16le = Buffer.from(needle, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const forms: Form[] = [
    { form: 'utf8', bytes: utf8Bytes },
    { form: 'utf16le', bytes: utf16le },
    { form: 'utf16be', bytes: utf16be },
    { form: 'pdf-hex', hex: utf8Bytes.toString('hex') },
    { form: 'pdf-hex-utf16be', hex: utf16be.toString('hex') },
  ];
  if ([...needle].every((ch) => ch.codePointAt(0)! <= 0xff)) {
    const latin1 = Buffer.from(needle, 'latin1');
    if (!latin1.equals(utf8Bytes)) {
      forms.push(
        { form: 'latin1', bytes: latin1 },
        { form: 'pdf-hex-latin1', hex: latin1.toString('hex') },
      );
    }
  }
  const escaped = pdfLiteral(utf16be);
  if (!escaped.equals(utf16be)) forms.push({ form: 'pdf-literal-utf16be', bytes: escaped });
  return forms;
}

/** Numeric character references and the XML entities, decoded. */
function decodeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, body: string) => {
    if (body[0] !== '#') return named[body] ?? entity;
    const code = /^#x/iu.test(body) ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function occurrences(haystack: Buffer | string, needle: Buffer | string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle as never); at !== -1;) {
    found.push(at);
    at = haystack.indexOf(needle as never, at + 1);
  }
  return found;
}

// --- The scan --------------------------------------------------------------------------------

/** The smallest region containing `offset`. */
function regionAt(regions: readonly Region[], offset: number): Region | undefined {
  let best: Region | undefined;
  for (const region of regions) {
    if (offset < region.start || offset >= region.end) continue;
    if (!best || region.end - region.start < best.end - best.start) best = region;
  }
  return best;
}

/**
 * Where each needle is, anywhere in `bytes` and in everything inside it. A hit inside a span
 * that was opened (an inflated entry, an EXIF block) is reported from inside it, once.
 */
export function findPlanted(bytes: Uint8Array, needles: readonly string[]): Hit[] {
  const counts = new Map<string, Hit>();
  const record = (needle: string, where: string, form: string) => {
    const key = `${needle}\u0000${where}\u0000${form}`;
    const hit = counts.get(key) ?? { needle, where, form, count: 0 };
    hit.count++;
    counts.set(key, hit);
  };
  const formsByNeedle = new Map(needles.map((needle) => [needle, formsOf(needle)]));
  for (const node of walk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) {
    const lowerLatin1 = node.bytes.toString('latin1').toLowerCase();
    const whereAt = (offset: number): string | undefined => {
      const region = regionAt(node.regions, offset);
      if (region?.child) return undefined; // searched inside, where it was opened
      return [...node.path, ...(region?.label ? [region.label] : [])].join(INSIDE);
    };
    for (const [needle, forms] of formsByNeedle) {
      // One occurrence is one hit, whatever forms overlap on it (UTF-16LE and BE of ASCII do).
      const taken: Array<[number, number]> = [];
      for (const { form, bytes: sought, hex } of forms) {
        const length = sought?.length ?? hex!.length;
        const offsets = sought ? occurrences(node.bytes, sought) : occurrences(lowerLatin1, hex!);
        for (const offset of offsets) {
          if (taken.some(([start, end]) => offset < end && offset + length > start)) continue;
          taken.push([offset, offset + length]);
          const where = whereAt(offset);
          if (where !== undefined) record(needle, where, form);
        }
      }
    }
    if (node.format === 'xml') {
      // Names written as character references (&#x2D49;…), place by place.
      const regions = node.regions.length
        ? node.regions
        : [{ start: 0, end: node.bytes.length, label: '' }];
      for (const region of regions) {
        const raw = node.bytes.toString('utf8', region.start, region.end);
        if (!raw.includes('&#')) continue;
        const decoded = decodeXml(raw);
        const where = [...node.path, ...(region.label ? [region.label] : [])].join(INSIDE);
        for (const needle of needles) {
          const extra = occurrences(decoded, needle).length - occurrences(raw, needle).length;
          for (let i = 0; i < extra; i++) record(needle, where, 'xml-ncr');
        }
      }
    }
  }
  return [...counts.values()];
}

/** Hits as 'where: needle (form ×count)' lines, for readable test failures. */
export function describeHits(hits: readonly Hit[]): string[] {
  return hits
    .map(
      (h) => `${h.where || '(file)'}: ${h.needle} (${h.form}${h.count > 1 ? ` ×${h.count}` : ''})`,
    )
    .sort();
}

// --- Images, for the lossless check ----------------------------------------------------------

export interface FoundImage {
  /** Its path inside the file, as findPlanted writes it ('' for the file itself). */
  where: string;
  format: ImageFormat;
  bytes: Buffer;
}

/** Every image in a file, at any depth: office media, PDF image streams, attachments. */
export function findImages(bytes: Uint8Array): FoundImage[] {
  return walk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))
    .filter((node) => (IMAGE_FORMATS as readonly string[]).includes(node.format ?? ''))
    .map((node) => ({
      where: node.path.join(INSIDE),
      format: node.format as ImageFormat,
      bytes: node.bytes,
    }));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// The coded pixels and what decodes or shows them, per format (colour profiles, gamma, palette,
// transparency, resolution): everything else in an image may go.
const JPEG_ESSENCE = [
  'DQT',
  'DHT',
  'DRI',
  'SOS',
  'image data',
  'APP0 JFIF',
  'APP2 ICC',
  'APP14 Adobe',
];
const PNG_ESSENCE = [
  'IHDR',
  'PLTE',
  'tRNS',
  'IDAT',
  'gAMA',
  'sRGB',
  'cHRM',
  'iCCP',
  'sBIT',
  'pHYs',
];
const GIF_ESSENCE = ['image data', 'graphic control extension'];
const WEBP_ESSENCE = ['image data', 'ICCP'];
// TIFF: size, bits, compression, photometric, orientation, samples, resolution, planar
// configuration, predictor, colour map, extra samples, sample format, ICC profile.
const TIFF_ESSENCE = [
  0x100, 0x101, 0x102, 0x103, 0x106, 0x112, 0x115, 0x11a, 0x11b, 0x11c, 0x128, 0x13d, 0x140, 0x152,
  0x153, 0x8773,
];

/**
 * What an image looks like, without what it says about itself: the coded pixels and everything
 * that changes how they are shown (tables, palette, transparency, gamma and colour profile,
 * orientation). Two images with equal essences show the same, pixel for pixel.
 */
export function imageEssence(bytes: Buffer, format: ImageFormat): Record<string, string> {
  const essence: Record<string, string> = {};
  const add = (key: string, value: Uint8Array) => {
    essence[key] = (essence[key] ?? '') + hex(value);
  };
  const regions = LAYOUTS[format](bytes);
  const slice = (r: Region) => bytes.subarray(r.start, r.end);
  if (format === 'jpeg') {
    for (const r of regions) {
      if (JPEG_ESSENCE.includes(r.label) || r.label.startsWith('SOF')) add(r.label, slice(r));
      if (r.label === 'APP1 Exif') {
        // Orientation is the one EXIF tag that changes how the image shows.
        const exif = slice(r).subarray(10);
        const { entries } = tiffEntries(exif);
        const orientation = entries.find((e) => e.ifd === 'IFD0' && e.tag === 0x0112);
        if (orientation)
          add('orientation', exif.subarray(orientation.valueAt, orientation.valueAt + 2));
      }
    }
  } else if (format === 'png') {
    for (const r of regions)
      if (PNG_ESSENCE.includes(r.label)) add(r.label, slice(r).subarray(8, -4));
  } else if (format === 'gif') {
    const colourTable = bytes[10] & 0x80 ? 3 * 2 ** ((bytes[10] & 7) + 1) : 0;
    add('screen', bytes.subarray(6, 13 + colourTable));
    for (const r of regions) if (GIF_ESSENCE.includes(r.label)) add(r.label, slice(r));
  } else if (format === 'webp') {
    for (const r of regions) if (WEBP_ESSENCE.includes(r.label)) add(r.label, slice(r));
  } else {
    for (const e of tiffEntries(bytes).entries) {
      if (e.ifd === 'IFD0' && TIFF_ESSENCE.includes(e.tag))
        add(`tag 0x${e.tag.toString(16)}`, bytes.subarray(e.valueAt, e.valueAt + e.size));
    }
    for (const r of regions) if (r.label.endsWith('image data')) add(r.label, slice(r));
  }
  return essence;
}
