import { Injectable } from '@nestjs/common';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { submissionProblems } from './submissions.problems';
import { type SectionFacts, SubmittingRepository } from './submitting.repository';

/** A draft belongs to a section of its journal that accepts submissions. */
@Injectable()
export class OpenSections {
  constructor(private readonly rows: SubmittingRepository) {}

  /** The section; 400 naming `field` when it is not the journal's, 409 when it is closed. */
  async assertOpen(journalId: string, sectionId: string, field: string): Promise<SectionFacts> {
    const section = await this.rows.section(journalId, sectionId);
    if (!section)
      throw new RequestValidationException([
        { field, messages: ['is not a section of this journal'] },
      ]);
    if (!section.openForSubmissions)
      throw submissionProblems.raise(
        'section-closed',
        'This section does not accept submissions at the moment',
      );
    return section;
  }
}
