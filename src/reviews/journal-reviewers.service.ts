import { Injectable } from '@nestjs/common';
import { pickLocalized } from '../common/i18n/locale';
import { displayName, type Person } from '../editorial/people';
import { type ReviewerAccount, ReviewersRepository } from './reviewers.repository';
import { reviewProblems } from './reviews.problems';
import type { SubmissionFacts } from './email-facts';

/** The journal's reviewers, as the editors' tools name them. */
@Injectable()
export class JournalReviewers {
  constructor(private readonly reviewers: ReviewersRepository) {}

  /** A person with the reviewer role in this journal; 422 otherwise. */
  async reviewerOf(journalId: string, reviewerId: string): Promise<ReviewerAccount> {
    const reviewer = await this.reviewers.reviewerOf(journalId, reviewerId);
    if (!reviewer || reviewer.status === 'deleted')
      throw reviewProblems.raise(
        'not-a-reviewer',
        'This person is not a reviewer of this journal (enrol them with the reviewer role first)',
      );
    return reviewer;
  }

  account(userId: string): Promise<ReviewerAccount> {
    return this.reviewers.account(userId);
  }
}

/** What the prefilled invitation and thanks say, in the reviewer's language. */
export function messageFacts(
  reviewer: Pick<ReviewerAccount, 'names' | 'preferredLocale'>,
  editor: Pick<Person, 'names'> | null,
  facts: SubmissionFacts,
) {
  const locale = reviewer.preferredLocale;
  return {
    reviewerName: displayName(reviewer.names, locale),
    journalTitle: pickLocalized(facts.journal.titles, locale) ?? '',
    title: facts.titleIn(locale),
    editorName: editor ? displayName(editor.names, locale) : '',
  };
}
