/**
 * Image metadata removed losslessly with ExifTool (through exiftool-vendored): EXIF, XMP, IPTC,
 * Photoshop resources, maker notes, JPEG and GIF comments, PNG text chunks. ExifTool rewrites
 * the metadata containers and copies the image data byte for byte, so a figure is never
 * re-encoded; it knows every format accepted here and the many dialects cameras and editors
 * write, which a hand-written parser would chase for years.
 *
 * Kept, because they identify nobody and change how the image shows: the ICC colour profile,
 * JFIF and PNG resolution, PNG gamma and sRGB intent, EXIF orientation, TIFF's structural tags.
 */
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UncleanableFileError } from './anonymisation.errors';
import type { CleaningContext } from './cleaning-context';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** Image types whose metadata ExifTool can remove. */
export const CLEANABLE_IMAGE_TYPES = Object.keys(EXTENSIONS);

/** A figure is small work for ExifTool; a stuck process must not hold an upload forever. */
const TASK_TIMEOUT_MS = 30_000;
/** Two processes: the API has two cores, and uploads with many images overlap. */
const MAX_PROCESSES = 2;

let exiftool: ExifTool | undefined;

function tool(): ExifTool {
  exiftool ??= new ExifTool({ maxProcs: MAX_PROCESSES, taskTimeoutMillis: TASK_TIMEOUT_MS });
  return exiftool;
}

/** Ends the ExifTool processes (on shutdown; a later image starts them again). */
export async function closeImageCleaner(): Promise<void> {
  const running = exiftool;
  exiftool = undefined;
  await running?.end();
}

// Groups that describe the file or the colour, never a person.
const NEUTRAL_GROUPS =
  /^(ExifTool|System|Composite|MWG|ICC[-_].*|ICC_Profile|JFIF|Adobe|PNG-pHYs)$/u;
// Tags that are the image's structure in the groups that also hold personal fields.
const STRUCTURAL = new Set([
  // TIFF and EXIF image structure
  'ImageWidth',
  'ImageHeight',
  'BitsPerSample',
  'Compression',
  'PhotometricInterpretation',
  'FillOrder',
  'StripOffsets',
  'Orientation',
  'SamplesPerPixel',
  'RowsPerStrip',
  'StripByteCounts',
  'XResolution',
  'YResolution',
  'PlanarConfiguration',
  'ResolutionUnit',
  'Predictor',
  'ColorMap',
  'TileWidth',
  'TileLength',
  'TileOffsets',
  'TileByteCounts',
  'ExtraSamples',
  'SampleFormat',
  'SubfileType',
  'OldSubfileType',
  'Thresholding',
  'MinSampleValue',
  'MaxSampleValue',
  'TransferFunction',
  'WhitePoint',
  'PrimaryChromaticities',
  'YCbCrCoefficients',
  'YCbCrSubSampling',
  'YCbCrPositioning',
  'ReferenceBlackWhite',
  'T4Options',
  'T6Options',
  'JPEGTables',
  'InkSet',
  'ExifByteOrder',
  // PNG
  'BitDepth',
  'ColorType',
  'Filter',
  'Interlace',
  'Gamma',
  'SRGBRendering',
  'Palette',
  'Transparency',
  'BackgroundColor',
  'SignificantBits',
  'ProfileName',
  'WhitePointX',
  'WhitePointY',
  'RedX',
  'RedY',
  'GreenX',
  'GreenY',
  'BlueX',
  'BlueY',
  'AnimationFrames',
  'AnimationPlays',
  // GIF
  'GIFVersion',
  'HasColorMap',
  'ColorResolutionDepth',
  'BitsPerPixel',
  'PixelAspectRatio',
  'AnimationIterations',
  'FrameCount',
  'Duration',
  'TransparentColor',
  // WebP (RIFF)
  'AlphaIsUsed',
  'VP8Version',
  'HorizontalScale',
  'VerticalScale',
  'AnimationLoopCount',
  'WebP_Flags',
  'ColorComponents',
  'EncodingProcess',
  'MIMEType',
  'FileType',
  'FileTypeExtension',
]);

/** How a group is named in the report. */
function label(group: string, tag: string): string {
  if (/^(IFD\d|ExifIFD|GPS|InteropIFD|SubIFD\d*|MakerNotes|Canon|Nikon|Sony|Apple)/u.test(group))
    return group === 'GPS' ? 'GPS position' : 'EXIF';
  if (group.startsWith('XMP')) return 'XMP';
  if (group === 'IPTC') return 'IPTC';
  if (group === 'Photoshop') return 'Photoshop resources';
  if (tag === 'Comment') return 'comment';
  if (group === 'PNG') return 'PNG text';
  return group;
}

/** "Group:Tag" keys of what a person could be named in (exiftool -G1 keys). */
function identifying(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter((key) => {
    const [group, tag] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (!group || NEUTRAL_GROUPS.test(group)) return false;
    if (group === 'File') return tag === 'Comment';
    return !STRUCTURAL.has(tag);
  });
}

async function readTags(path: string): Promise<Record<string, unknown>> {
  const tags = (await tool().readRaw(path, { readArgs: ['-G1', '-a', '-s'] })) as Record<
    string,
    unknown
  >;
  // exiftool's own verdict on the file, not metadata in it
  delete tags['ExifTool:Warning'];
  delete tags['ExifTool:Error'];
  return tags;
}

/** True when any of the contributors' names is in the bytes, as UTF-8 or UTF-16. */
function namedInBytes(bytes: Buffer, ctx: CleaningContext): string | undefined {
  for (const term of ctx.terms) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const needle = Buffer.from(term.display, encoding);
      if (needle.length >= 4 && bytes.includes(needle)) return term.display;
    }
  }
  return undefined;
}

/**
 * The image with its identifying metadata removed, or the same bytes when there was none.
 * Throws UncleanableFileError when ExifTool cannot rewrite it or something survives.
 */
export async function anonymiseImage(
  input: Buffer,
  mediaType: string,
  ctx: CleaningContext,
): Promise<Buffer> {
  const extension = EXTENSIONS[mediaType];
  if (!extension)
    throw new UncleanableFileError(`${ctx.where}: ${mediaType} images cannot be cleaned`);
  const directory = await mkdtemp(join(tmpdir(), 'tahkim-image-'));
  const path = join(directory, `image.${extension}`);
  try {
    await writeFile(path, input);
    const before = await readTags(path).catch((error: unknown) => {
      throw new UncleanableFileError(`${ctx.where} is not an image Tahkim can read`, {
        cause: error,
      });
    });
    const found = identifying(before);
    if (found.length === 0 && !namedInBytes(input, ctx)) return input;

    const write = (tags: WriteTags, args: string[]) =>
      tool().write(path, tags, {
        writeArgs: [...args, '-overwrite_original'],
        ignoreMinorErrors: true,
      });
    try {
      // Everything but the colour profile and resolution, then back what -all= deletes that
      // shows the image as it was (rotation, PNG gamma and rendering intent). -all= goes as a
      // tag: given no tag, exiftool-vendored puts a no-op copy (-FileName<FileName) first,
      // after which ExifTool ignores the --exclusions and drops the ICC profile, JFIF and pHYs.
      await write({ all: null } as WriteTags, [
        '--ICC_Profile:all',
        '--JFIF:all',
        '--PNG-pHYs:all',
        '-tagsFromFile',
        '@',
        '-EXIF:Orientation',
        '-PNG:Gamma',
        '-PNG:SRGBRendering',
      ]);
      // TIFF keeps its first IFD (it is the image): its personal tags go one by one.
      const left = identifying(await readTags(path));
      if (left.length > 0)
        await write(
          {},
          left.map((key) => `-${key}=`),
        );
    } catch (error) {
      throw new UncleanableFileError(`${ctx.where}: its metadata could not be removed`, {
        cause: error,
      });
    }
    const survivors = identifying(await readTags(path));
    const output = await readFile(path);
    const named = namedInBytes(output, ctx);
    if (survivors.length > 0 || named)
      throw new UncleanableFileError(
        `${ctx.where}: ${named ? 'a name' : survivors.join(', ')} could not be removed from the image`,
      );
    const labels = [
      ...new Set(found.map((key) => label(...(key.split(':', 2) as [string, string])))),
    ];
    ctx.removed('image-metadata', '', `image metadata (${labels.join(', ') || 'unlisted'})`);
    return output;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
