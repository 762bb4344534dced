import type { SubmissionFile } from '../submissions/entities/submission-file.entity';

/** A submission file as the stage's people see it (never its storage keys). */
export function fileView(file: SubmissionFile) {
  return {
    id: file.id,
    genre: file.genre,
    version: file.version,
    originalName: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt,
  };
}
