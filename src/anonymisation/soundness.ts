import { ArchiveBudget, type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './archive-limits';
import { loadPdf } from './pdf-anonymiser';
import { ZipPackage } from './zip-package';

const ZIP_SIGNATURE = Buffer.from('PK\u0003\u0004', 'latin1');

/**
 * Checks a file that is stored without being cleaned (a cover letter, a copyedited manuscript,
 * a galley, a file for the typesetter) before anything opens it: a PDF must parse and have
 * pages, and a zip (an office document, an EPUB) must unpack within the archive limits, inflated
 * as a stream and stopped at the first excess. Throws DocumentAnonymisationError or
 * ArchiveLimitError; the bytes unpacked are dropped at once.
 */
export async function assertSound(
  input: Buffer,
  mediaType: string,
  limits: Readonly<ArchiveLimits> = DEFAULT_ARCHIVE_LIMITS,
): Promise<void> {
  if (mediaType === 'application/pdf') await loadPdf(input);
  else if (input.subarray(0, 4).equals(ZIP_SIGNATURE))
    await ZipPackage.load(input, 'The file', new ArchiveBudget(limits));
}
