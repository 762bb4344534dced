import { Injectable } from '@nestjs/common';
import type { FieldError } from '../common/http/problem.exception';
import type { Submission } from './entities/submission.entity';
import { SubmissionFilesRepository } from './submission-files.repository';
import { SubmissionsRepository } from './submissions.repository';

/** What a draft must have before it can be submitted, by its journal's rules. */
@Injectable()
export class SubmissionCompleteness {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly files: SubmissionFilesRepository,
  ) {}

  /** Everything the draft (loaded with its journal) still lacks; empty when it can be submitted. */
  async missing(submission: Submission): Promise<FieldError[]> {
    const journal = submission.journal!;
    const errors: FieldError[] = [];
    const add = (field: string, message: string) => errors.push({ field, messages: [message] });
    const metadata = await this.submissions.metadata(submission.id);
    const byLocale = new Map(metadata.map((entry) => [entry.locale, entry]));
    const own = byLocale.get(submission.locale);
    if (!own)
      add(
        `metadata.${submission.locale}`,
        'the title, abstract and keywords in the manuscript’s language are required',
      );
    else {
      if (!own.abstract?.trim()) add(`metadata.${submission.locale}.abstract`, 'is required');
      if (own.keywords.length === 0)
        add(`metadata.${submission.locale}.keywords`, 'at least one keyword is required');
    }
    for (const locale of journal.requiredAbstractLocales.filter(
      (required) => required !== submission.locale,
    )) {
      const entry = byLocale.get(locale);
      if (!entry?.title.trim() || !entry.abstract?.trim())
        add(
          `metadata.${locale}`,
          'this journal requires the title and abstract in this language too',
        );
    }
    const contributors = await this.submissions.contributors(submission.id);
    const corresponding = contributors.filter((contributor) => contributor.corresponding);
    if (contributors.length === 0) add('contributors', 'at least one contributor is required');
    else if (corresponding.length !== 1)
      add('contributors', 'exactly one contributor must be the corresponding author');
    if (!contributors.some((contributor) => contributor.inByline))
      add('contributors', 'at least one contributor must be in the byline');
    const unconfirmed = journal.submissionChecklist.filter(
      (item) => !submission.checklistConfirmed.includes(item.id),
    );
    if (unconfirmed.length)
      add(
        'checklistConfirmed',
        `confirm every checklist item; unconfirmed: ${unconfirmed.map((item) => item.id).join(', ')}`,
      );
    if (!(await this.submissions.hasAgreement(submission.id)))
      add('copyrightAgreement', 'the copyright and licence terms must be agreed to');
    if (!(await this.files.hasManuscript(submission.id)))
      add('files', 'a manuscript file is required');
    return errors;
  }
}
