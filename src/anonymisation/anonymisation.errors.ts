/**
 * The document cannot be anonymised: it is not what its media type says (a corrupt or foreign
 * zip, no PDF header, invalid UTF-8 Markdown) or cannot be rewritten. The caller must not fall
 * back to the original bytes: an unreadable file is not sent across the anonymity line. Its
 * message is written for the person who uploaded the file, never an internal error's text.
 */
export class DocumentAnonymisationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The file is sound but holds something the pipeline cannot clean: an archive, an encrypted
 * PDF, an embedded OLE object, an unknown media type. In a double-anonymous journal an author's
 * such file is held back from reviewers until an editor releases it; a reviewer's or an
 * editor's is refused. The message says which part and why, for the editor and the uploader.
 */
export class UncleanableFileError extends DocumentAnonymisationError {}
