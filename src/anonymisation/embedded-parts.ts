import type { CleaningContext } from './cleaning-context';
import type { ZipPackage } from './zip-package';

/**
 * Parts edited and searched as XML text; everything else in a package is a file of its own.
 * (.rdf: the manifest.rdf LibreOffice writes into every ODF package.)
 */
export function isMarkupPart(name: string): boolean {
  return /\.(xml|rels|vml|rdf)$/iu.test(name);
}

/**
 * Every part of a package that is not its own markup (images, embedded packages and PDFs,
 * fonts, metafiles, OLE objects) goes through the pipeline in turn; what comes back replaces
 * it. A part that cannot be cleaned makes the whole package uncleanable (the error says which).
 */
export async function cleanEmbeddedParts(
  pkg: ZipPackage,
  ctx: CleaningContext,
  skip: (name: string) => boolean = () => false,
): Promise<void> {
  for (const name of pkg.names()) {
    if (isMarkupPart(name) || skip(name)) continue;
    const bytes = pkg.bytes(name)!;
    const cleaned = await ctx.cleanEmbedded(bytes, name);
    if (cleaned !== bytes) pkg.setBytes(name, cleaned);
  }
}
