import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { StageMachine } from '../editorial/stages/stage-machine';
import { SubmissionCompleteness } from './completeness';
import { EditorAssigner } from './editor-assigner';
import type { Submission } from './entities/submission.entity';
import { OpenSections } from './open-sections';
import { SubmissionNumberer } from './submission-numberer';
import { SubmissionsMailer } from './submissions-mailer';
import { notEditable, submissionProblems } from './submissions.problems';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/** Hands a complete draft to the editors: numbered, assigned, acknowledged by email. */
@Injectable()
export class Submitting {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly rows: SubmissionsRepository,
    private readonly sections: OpenSections,
    private readonly completeness: SubmissionCompleteness,
    private readonly numberer: SubmissionNumberer,
    private readonly assigner: EditorAssigner,
    private readonly stages: StageMachine,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly mailer: SubmissionsMailer,
  ) {}

  @Transactional()
  async submit(id: string, user: Person, actor: Actor): Promise<Submission> {
    const submission = await this.submissions.forSubmitter(id, user);
    if (submission.stage !== 'draft') throw notEditable(submission.stage);
    const journal = submission.journal!;
    const section = await this.sections.assertOpen(journal.id, submission.sectionId, 'sectionId');
    const errors = await this.completeness.missing(submission);
    if (errors.length)
      throw submissionProblems.raise(
        'submission-incomplete',
        errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join('. '),
        { errors },
      );

    const number = await this.numberer.next(journal);
    const submittedAt = new Date();
    // The lock version makes a concurrent change to this draft fail instead of being lost.
    await this.stages.move(id, {
      step: 'submit',
      by: { kind: 'author' },
      actor,
      lockVersion: submission.lockVersion,
      columns: { number, submitted_at: submittedAt, updated_at: submittedAt },
      refuse: {
        notAllowed: (stage) => notEditable(stage),
        stale: () => httpProblems.raise('conflict', 'The submission changed meanwhile: reload it'),
      },
    });

    const editors = await this.assigner.assign(submission, section.id);
    await this.events.record(id, actor, {
      kind: 'submitted',
      data: { number, editors: editors.map((editor) => editor.id) },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: id,
      action: 'submission.submitted',
      after: { number, stage: 'submitted' },
    });
    await this.mailer.submitted({ submission, journal, section, number, submittedAt, editors });
    return this.rows.byId(id);
  }
}
