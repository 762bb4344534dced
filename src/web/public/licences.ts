/** A Creative Commons licence as readers know it. */
export interface LicenceView {
  url: string;
  /** "CC BY 4.0", "CC BY-NC-SA 4.0", "CC0 1.0"; null for a licence that is not Creative Commons. */
  label: string | null;
}

const CREATIVE_COMMONS =
  /^https?:\/\/creativecommons\.org\/(?:licenses\/((?:by)(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)|publicdomain\/zero\/(1\.0))\/?$/i;

/** The short name of a licence from its URL (the journal's settings hold the URL). */
export function licenceOf(url: string): LicenceView {
  const match = CREATIVE_COMMONS.exec(url.trim());
  if (!match) return { url, label: null };
  const [, kind, version, zero] = match;
  return { url, label: zero ? `CC0 ${zero}` : `CC ${kind.toUpperCase()} ${version}` };
}
