import { Injectable } from '@nestjs/common';
import type { Submission } from './entities/submission.entity';
import { type EditorContact, SubmittingRepository } from './submitting.repository';

/**
 * Gives a submitted manuscript its editors: the section's editors, or the journal's editors
 * when the section has none. Nobody edits their own submission: neither its submitter nor any
 * of its contributors; only active accounts are given it.
 */
@Injectable()
export class EditorAssigner {
  constructor(private readonly rows: SubmittingRepository) {}

  /** Assigns them in the ambient transaction; returns them, to be told. */
  async assign(
    submission: Pick<Submission, 'id' | 'journalId' | 'submitterId'>,
    sectionId: string,
  ): Promise<EditorContact[]> {
    const contributorEmails = await this.rows.contributorEmails(submission.id);
    const eligible = async (ids: string[]) =>
      (await this.rows.activePeople(ids)).filter(
        (person) =>
          person.id !== submission.submitterId &&
          !contributorEmails.has(person.email.toLowerCase()),
      );
    let editors = await eligible(await this.rows.sectionEditorIds(sectionId));
    if (editors.length === 0)
      editors = await eligible(await this.rows.journalEditorIds(submission.journalId));
    await this.rows.assignEditors(
      submission.id,
      editors.map((editor) => editor.id),
    );
    return editors;
  }
}
