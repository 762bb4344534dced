import { Injectable } from '@nestjs/common';
import { type Locale, pickLocalized } from '../common/i18n/locale';
import { displayName, type Person } from '../editorial/people';
import type { DecisionKind } from '../editorial/stages/stage-transitions';
import { day, reviewerLabel, type Recommendation, type SubmissionFacts } from '../reviews';
import { extensionOf } from '../submissions';
import { type DecisionLetter, defaultDecisionLetter } from './decision-texts';
import { decisionsProblems } from './decisions.problems';
import { SharedReviewsRepository } from './shared-reviews.repository';

/** A review as it may reach the author: a neutral label, never a name. */
export interface SharedReview {
  assignmentId: string;
  label: string;
  comments: string;
  answers: { question: string; answer: string | number | boolean }[];
  files: { id: string; name: string }[];
}

/** A completed review as the editor chooses what of it to share. */
export interface CompletedReview extends SharedReview {
  recommendation: Recommendation | null;
  /** The files the reviewer offered to share with the author. */
  offeredFileIds: string[];
}

/** What the editor chose to share; by default every review and the files offered. */
export interface ReviewSelection {
  sharedAssignmentIds?: string[];
  sharedReviewFileIds?: string[];
}

/** What the default letter says besides the facts: the due date and the kind of revisions. */
export interface LetterOptions {
  revisionsDueAt?: Date;
  revisionKind?: 'minor' | 'major';
}

/** "Reviewer A - 1.pdf": the only name an author sees for a reviewer's file. */
function reviewFileName(label: string, index: number, mediaType: string): string {
  return `${label} - ${index + 1}.${extensionOf(mediaType)}`;
}

/**
 * What a decision letter says and carries: the journal's default letter for the decision, in
 * the author's language, and the round's completed reviews as the author may receive them
 * (labelled in order, the comments for the author and the answers shared, the files offered).
 */
@Injectable()
export class DecisionLetters {
  constructor(private readonly reviews: SharedReviewsRepository) {}

  defaultLetter(
    kind: DecisionKind,
    locale: Locale,
    facts: SubmissionFacts,
    authorName: string,
    editor: Person | null,
    options: LetterOptions,
  ): DecisionLetter {
    return defaultDecisionLetter(kind, locale, {
      authorName,
      journalTitle: pickLocalized(facts.journal.titles, locale) ?? '',
      title: facts.titleIn(locale),
      submissionNumber: facts.number,
      editorName: editor ? displayName(editor.names, locale) : '',
      revisionsDueDate: options.revisionsDueAt ? day(options.revisionsDueAt) : null,
      minor: options.revisionKind === 'minor',
    });
  }

  /** The round's completed reviews as the author would get them, labelled in order. */
  async completed(roundId: string, locale: Locale): Promise<CompletedReview[]> {
    const reviews = await this.reviews.completed(roundId);
    if (reviews.length === 0) return [];
    const files = await this.reviews.files(reviews.map((review) => review.assignmentId));
    return reviews.map((review, index) => {
      const label = reviewerLabel(locale, index);
      const own = files.filter((file) => file.assignmentId === review.assignmentId);
      return {
        assignmentId: review.assignmentId,
        label,
        recommendation: review.recommendation,
        comments: review.commentsForAuthor,
        answers: review.questions
          .filter(
            (question) => question.sharedWithAuthor && review.answers[question.id] !== undefined,
          )
          .map((question) => ({
            question: pickLocalized(question.label, locale) ?? question.id,
            answer: review.answers[question.id],
          })),
        files: own.map((file, n) => ({
          id: file.id,
          name: reviewFileName(label, n, file.mediaType),
        })),
        offeredFileIds: own.filter((file) => file.shareWithAuthor).map((file) => file.id),
      };
    });
  }

  /** The reviews the editor chose to share (422 for any not completed in this round). */
  async shared(
    roundId: string,
    locale: Locale,
    selection: ReviewSelection,
  ): Promise<SharedReview[]> {
    const all = await this.completed(roundId, locale);
    const { sharedAssignmentIds, sharedReviewFileIds } = selection;
    const chosen = sharedAssignmentIds
      ? all.filter((review) => sharedAssignmentIds.includes(review.assignmentId))
      : all;
    if (sharedAssignmentIds && chosen.length !== sharedAssignmentIds.length)
      throw decisionsProblems.raise(
        'unknown-review',
        'Only completed reviews of the current round can be shared',
      );
    return chosen.map(({ recommendation: _r, offeredFileIds, ...review }) => ({
      ...review,
      files: review.files.filter((file) =>
        sharedReviewFileIds
          ? sharedReviewFileIds.includes(file.id)
          : offeredFileIds.includes(file.id),
      ),
    }));
  }
}
