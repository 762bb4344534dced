/**
 * The document cannot be anonymised: it is not what its media type says (a corrupt or foreign
 * zip, no PDF header, invalid UTF-8 Markdown), it is encrypted, or it cannot be rewritten. The
 * caller must not fall back to the original bytes: an unreadable manuscript is not sent to
 * reviewers.
 */
export class DocumentAnonymisationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
