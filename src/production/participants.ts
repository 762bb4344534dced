import type { EntityManager } from 'typeorm';
import type { Submission } from '../submissions/entities/submission.entity';
import { PRODUCTION_STAGES, type ProductionStage } from './production-stages';

/**
 * Who takes part in a submission's copyediting and production discussions: its author (the
 * submitter), the editors who handle it (the journal's managers and editors, and the section
 * editors of its section or assigned to it, as in the editors' listing) and each stage's active
 * assignees who still hold the stage's role. Reviewers never do, as reviewers. Only active
 * accounts count. The submitter takes part as author only, whatever roles they hold.
 */
export interface Participants {
  submission: Submission;
  authorId: string;
  editorIds: ReadonlySet<string>;
  /** The editors emailed about new messages: the submission's own, else the journal's editors. */
  notifiedEditorIds: ReadonlySet<string>;
  assigneeIds: Readonly<Record<ProductionStage, ReadonlySet<string>>>;
}

export async function loadParticipants(
  manager: EntityManager,
  submission: Submission,
): Promise<Participants> {
  const [editors, assignees]: [
    { user_id: string; assigned: boolean; chief: boolean }[],
    { user_id: string; stage: ProductionStage }[],
  ] = await Promise.all([
    manager.query(
      `SELECT r.user_id,
              bool_or(EXISTS (SELECT 1 FROM submission_editors ed
                               WHERE ed.submission_id = $3 AND ed.user_id = r.user_id)) AS assigned,
              bool_or(r.role = 'editor') AS chief
         FROM journal_roles r JOIN users u ON u.id = r.user_id AND u.status = 'active'
        WHERE r.journal_id = $1 AND r.user_id <> $4
          AND (r.role IN ('manager', 'editor')
               OR (r.role = 'section_editor'
                   AND (EXISTS (SELECT 1 FROM section_editors se
                                 WHERE se.section_id = $2 AND se.user_id = r.user_id)
                        OR EXISTS (SELECT 1 FROM submission_editors ed
                                    WHERE ed.submission_id = $3 AND ed.user_id = r.user_id))))
        GROUP BY r.user_id`,
      [submission.journalId, submission.sectionId, submission.id, submission.submitterId],
    ),
    manager.query(
      `SELECT a.user_id, a.stage FROM stage_assignments a
         JOIN journal_roles r ON r.journal_id = $1 AND r.user_id = a.user_id AND r.role = a.role
         JOIN users u ON u.id = a.user_id AND u.status = 'active'
        WHERE a.submission_id = $2 AND a.removed_at IS NULL AND a.user_id <> $3`,
      [submission.journalId, submission.id, submission.submitterId],
    ),
  ]);
  const assigned = editors.filter((row) => row.assigned);
  const assigneesOf = (stage: ProductionStage) =>
    new Set(assignees.filter((row) => row.stage === stage).map((row) => row.user_id));
  return {
    submission,
    authorId: submission.submitterId,
    editorIds: new Set(editors.map((row) => row.user_id)),
    notifiedEditorIds: new Set(
      (assigned.length ? assigned : editors.filter((row) => row.chief)).map((row) => row.user_id),
    ),
    assigneeIds: {
      copyediting: assigneesOf('copyediting'),
      production: assigneesOf('production'),
    },
  };
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
