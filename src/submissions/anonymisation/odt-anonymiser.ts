import { DocumentAnonymisationError } from './anonymisation.errors';
import type { AnonymisedDocument } from './document-anonymiser';
import { findNames, mentionsAnyName, type NameTerm } from './name-matcher';
import { blankElements, readAttribute, removeElements, scanParts } from './office-parts';
import { mapElements, xmlText } from './xml-edit';
import { ZipPackage } from './zip-package';

const MIMETYPE = 'mimetype';
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const CONTENT = 'content.xml';
const META = 'meta.xml';
const MANIFEST = 'META-INF/manifest.xml';

/** Parts dropped whole: the first-page thumbnail (it shows the title page) and signatures. */
const IDENTIFYING_PARTS = [
  'Thumbnails/thumbnail.png',
  'META-INF/documentsignatures.xml',
  'META-INF/macrosignatures.xml',
];

function edit(pkg: ZipPackage, part: string, change: (xml: string) => string): void {
  if (!pkg.has(part)) return;
  const xml = pkg.text(part);
  const next = change(xml);
  if (next !== xml) pkg.setText(part, next);
}

export async function anonymiseOdt(
  input: Buffer,
  terms: readonly NameTerm[],
): Promise<AnonymisedDocument> {
  const pkg = await ZipPackage.load(input, 'ODT');
  const mimetype = pkg.has(MIMETYPE) ? pkg.text(MIMETYPE).trim() : undefined;
  if (mimetype !== ODT_MIMETYPE || !pkg.has(CONTENT)) {
    throw new DocumentAnonymisationError(
      `The file is a zip package but not an OpenDocument text (mimetype ${JSON.stringify(mimetype ?? null)})`,
    );
  }
  const removed: string[] = [];

  const dropped = IDENTIFYING_PARTS.filter((part) => pkg.remove(part));
  for (const part of dropped) removed.push(`${part} (whole part)`);
  if (dropped.length > 0) {
    edit(pkg, MANIFEST, (xml) =>
      mapElements(xml, ['file-entry'], ({ attributes }) =>
        dropped.includes(readAttribute(attributes, 'full-path') ?? '') ? '' : undefined,
      ),
    );
  }

  edit(pkg, META, (xml) => {
    // meta:template points at the template's full path, which tends to hold an account name.
    const people = ['initial-creator', 'creator', 'printed-by', 'user-defined', 'template'];
    const stripped = removeElements(xml, META, people, removed);
    const fields = ['title', 'subject', 'keyword', 'description'];
    return blankElements(stripped, META, fields, (text) => mentionsAnyName(text, terms), removed);
  });
  // Annotations and tracked changes name their author in dc:creator (and initials beside it).
  for (const part of [CONTENT, 'styles.xml']) {
    edit(pkg, part, (xml) => {
      const neutral = blankElements(xml, part, ['creator'], () => true, removed, 'Author');
      return blankElements(neutral, part, ['creator-initials'], () => true, removed);
    });
  }

  // ODF: "mimetype" must be the first entry, stored uncompressed, so its bytes can be sniffed.
  const content = await pkg.toBuffer(MIMETYPE, [MIMETYPE]);
  const nameWarnings = [
    ...findNames(xmlText(pkg.text(CONTENT)), terms, 'body'),
    ...scanParts(pkg, terms, CONTENT),
  ];
  return { content, removed, nameWarnings, bodyTextChecked: true };
}
