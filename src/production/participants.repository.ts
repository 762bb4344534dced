import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import type { Participants } from './participants';
import type { ProductionStage } from './production-stages';
import type { ProductionSubmission } from './production-submissions.repository';

/**
 * The participants of a submission's copyediting and production (see participants.ts), from
 * the journal's roles, the submission's editors, the section's editors and the stage
 * assignments, counting active accounts only.
 */
@Injectable()
export class ParticipantsRepository extends Repository {
  async of(submission: ProductionSubmission): Promise<Participants> {
    const [editors, assignees]: [
      { user_id: string; assigned: boolean; chief: boolean }[],
      { user_id: string; stage: ProductionStage }[],
    ] = await Promise.all([
      this.db.query(
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
      this.db.query(
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
}
