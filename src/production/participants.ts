import { PRODUCTION_STAGES, type ProductionStage } from './production-stages';
import type { ProductionSubmission } from './production-submissions.repository';

/**
 * Who takes part in a submission's copyediting and production discussions: its author (the
 * submitter), the editors who handle it (the journal's managers and editors, and the section
 * editors of its section or assigned to it, as in the editors' listing) and each stage's active
 * assignees who still hold the stage's role. Reviewers never do, as reviewers. Only active
 * accounts count. The submitter takes part as author only, whatever roles they hold.
 * (ParticipantsRepository reads them.)
 */
export interface Participants {
  submission: ProductionSubmission;
  authorId: string;
  editorIds: ReadonlySet<string>;
  /** The editors emailed about new messages: the submission's own, else the journal's editors. */
  notifiedEditorIds: ReadonlySet<string>;
  assigneeIds: Readonly<Record<ProductionStage, ReadonlySet<string>>>;
}

/** Whether this person takes part in the discussions of `stage`. */
export function takesPart(
  participants: Participants,
  userId: string,
  stage: ProductionStage,
): boolean {
  return (
    userId === participants.authorId ||
    participants.editorIds.has(userId) ||
    participants.assigneeIds[stage].has(userId)
  );
}

/** The stages whose discussions this person takes part in (none: the submission is not theirs). */
export function stagesOf(participants: Participants, userId: string): ProductionStage[] {
  return PRODUCTION_STAGES.filter((stage) => takesPart(participants, userId, stage));
}
