import { Injectable } from '@nestjs/common';
import type { FileGenre, SubmissionFile } from './entities/submission-file.entity';
import { SubmissionFilesRepository } from './submission-files.repository';
import { SubmissionsRepository } from './submissions.repository';

/** A file another stage shares: it joins the submission's files as uploaded, with no review copy. */
export interface StageFileInput {
  submissionId: string;
  genre: FileGenre;
  version: number;
  storageKey: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  uploadedBy: string;
}

/**
 * The changes other features make to a submission's own rows, through submissions: the rules
 * (who may, when) are theirs and checked before they call; the rows are submissions'.
 */
@Injectable()
export class SubmissionChanges {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly files: SubmissionFilesRepository,
  ) {}

  /** The author's revised version becomes the current one (for decisions). */
  async newVersion(submissionId: string, version: number): Promise<void> {
    await this.submissions.newVersion(submissionId, version);
  }

  /** A file shared in a copyediting or production discussion (for production). */
  addStageFile(file: StageFileInput): Promise<SubmissionFile> {
    return this.files.add({ ...file, anonymisedKey: null, anonymisation: null });
  }

  /** The version to typeset (for production). */
  async markGalleySource(submissionId: string, fileId: string): Promise<void> {
    await this.submissions.update(submissionId, { galleySourceFileId: fileId });
  }
}
