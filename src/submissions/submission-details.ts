import type { EntityManager } from 'typeorm';
import { Contributor } from './entities/contributor.entity';
import { CopyrightAgreement } from './entities/copyright-agreement.entity';
import { SubmissionEvent } from './entities/submission-event.entity';
import { SubmissionFile } from './entities/submission-file.entity';
import { SubmissionMetadata } from './entities/submission-metadata.entity';

/**
 * Everything hanging off one submission, for the author's status page and the editors' view;
 * authors see only the author-visible part of the history.
 */
export async function loadSubmissionDetails(
  manager: EntityManager,
  submissionId: string,
  history: 'author' | 'all',
) {
  const [metadata, contributors, files, agreement, events] = await Promise.all([
    manager.find(SubmissionMetadata, { where: { submissionId }, order: { locale: 'ASC' } }),
    manager.find(Contributor, { where: { submissionId }, order: { seq: 'ASC' } }),
    manager.find(SubmissionFile, { where: { submissionId }, order: { createdAt: 'ASC' } }),
    manager.findOneBy(CopyrightAgreement, { submissionId }),
    manager.find(SubmissionEvent, {
      where: history === 'author' ? { submissionId, authorVisible: true } : { submissionId },
      order: { occurredAt: 'ASC' },
    }),
  ]);
  return { metadata, contributors, files, agreement, events };
}
