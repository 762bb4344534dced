/**
 * The anonymised review copy of a manuscript, for double-anonymous review.
 *
 *   const copy = await anonymiseDocument(bytes, mediaType, { contributorNames: ['Leila Benali'] });
 *   // copy.content: the bytes to give reviewers (always a rewritten file, never the input)
 *   // copy.removed: what was stripped, for the editor and the audit log
 *   // copy.nameWarnings: { name, excerpt, location } where a contributor is still named —
 *   //   location 'body' for the text, else the package part (footer, comments, custom XML…)
 *   // copy.bodyTextChecked: false when the text could not be read (a scanned PDF)
 *
 * What is stripped is the file's metadata, never its prose: author, company and account fields,
 * custom properties, XMP, thumbnails, comment and tracked-change authors. Names left in the text
 * (a signed preface, "in our earlier work (Benali 2021)") are reported in `nameWarnings`, with
 * Arabic diacritics, alef forms and Latin case and accents ignored when matching.
 *
 * Throws DocumentAnonymisationError when the bytes are not the format claimed or cannot be
 * rewritten; callers must then hold the manuscript back, not send the original.
 */
import { DocumentAnonymisationError } from './anonymisation.errors';
import { anonymiseDocx } from './docx-anonymiser';
import { anonymiseMarkdown } from './markdown-anonymiser';
import { compileNames, type NameWarning } from './name-matcher';
import { anonymiseOdt } from './odt-anonymiser';
import { anonymisePdf } from './pdf-anonymiser';

export { DocumentAnonymisationError } from './anonymisation.errors';
export type { NameWarning } from './name-matcher';

export const ANONYMISABLE_MEDIA_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/pdf',
  'text/markdown',
] as const;

export type AnonymisableMediaType = (typeof ANONYMISABLE_MEDIA_TYPES)[number];

export function isAnonymisableMediaType(mediaType: string): mediaType is AnonymisableMediaType {
  return (ANONYMISABLE_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

export interface AnonymiseOptions {
  /** Every contributor's full name as written in the manuscript ("Leila Benali", «ليلى بنعلي»). */
  contributorNames: string[];
}

export interface AnonymisedDocument {
  content: Buffer;
  /** Human-readable list of what was stripped, e.g. 'docProps/core.xml dc:creator'. */
  removed: string[];
  /** Mentions of a contributor left in the copy: body text first, then other parts. */
  nameWarnings: NameWarning[];
  /** False when the body text could not be searched for names (PDF): check it by eye. */
  bodyTextChecked: boolean;
}

export async function anonymiseDocument(
  input: Buffer,
  mediaType: AnonymisableMediaType,
  options: AnonymiseOptions,
): Promise<AnonymisedDocument> {
  const terms = compileNames(options.contributorNames);
  try {
    switch (mediaType) {
      case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
        return await anonymiseDocx(input, terms);
      case 'application/vnd.oasis.opendocument.text':
        return await anonymiseOdt(input, terms);
      case 'application/pdf':
        return await anonymisePdf(input, terms);
      case 'text/markdown':
        return anonymiseMarkdown(input, terms);
      default:
        // Reachable from untyped callers: a media type this module does not know is refused.
        throw new DocumentAnonymisationError(
          `Cannot anonymise ${JSON.stringify(String(mediaType))} files`,
        );
    }
  } catch (error) {
    if (error instanceof DocumentAnonymisationError) throw error;
    throw new DocumentAnonymisationError(
      `The document could not be anonymised: ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
}
