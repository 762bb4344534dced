import type { DecisionKind, SubmissionStage } from '../stages/stage-transitions';

type FileFacts = { fileId: string; genre: string; originalName: string };
type AssignmentFacts = { assignmentId: string };

/**
 * Everything a submission's history can say, each kind with its facts. Review events name the
 * assignment, never the reviewer: the author never sees them anyway (see AUTHOR_SEES).
 */
export type SubmissionEventInput =
  | { kind: 'created'; data?: Record<string, never> }
  | {
      kind: 'file_uploaded';
      data: FileFacts & { heldFromReviewers?: string; discussionId?: string };
    }
  | { kind: 'file_released'; data: FileFacts & { heldReason: string } }
  | { kind: 'file_removed'; data: FileFacts }
  | { kind: 'copyright_agreed'; data: { termsVersion: string; locale: string } }
  | { kind: 'submitted'; data: { number: string; editors: string[] } }
  | { kind: 'withdrawn'; data: { reason: string } }
  | {
      kind: 'decision';
      data: { decision: DecisionKind; decisionId: string; stage: SubmissionStage };
    }
  | { kind: 'decision_recommended'; data: { decision: DecisionKind; recommendationId: string } }
  | { kind: 'revision_submitted'; data: { version: number; round: number } }
  | { kind: 'reviewer_invited'; data: AssignmentFacts & Record<string, unknown> }
  | { kind: 'review_accepted'; data: AssignmentFacts }
  | { kind: 'review_declined'; data: AssignmentFacts }
  | { kind: 'review_submitted'; data: AssignmentFacts & Record<string, unknown> }
  | { kind: 'review_cancelled'; data: AssignmentFacts & { because?: string } }
  | { kind: 'review_reinstated'; data: AssignmentFacts }
  | { kind: 'review_due_dates_changed'; data: AssignmentFacts & Record<string, unknown> }
  | { kind: 'review_unlocked'; data: AssignmentFacts }
  | { kind: 'review_rated'; data: AssignmentFacts & { rating: number } }
  | { kind: 'reviewer_thanked'; data: AssignmentFacts }
  | { kind: 'stage_assigned'; data: Record<string, unknown> }
  | { kind: 'stage_unassigned'; data: Record<string, unknown> }
  | { kind: 'discussion_started'; data: Record<string, unknown> }
  | { kind: 'discussion_closed'; data: Record<string, unknown> }
  | { kind: 'galley_source_marked'; data: Record<string, unknown> }
  | { kind: 'galley_added'; data: { galleyId: string } }
  | { kind: 'galley_removed'; data: { galleyId: string } }
  | { kind: 'correction_started'; data: { version: number } }
  | { kind: 'correction_published'; data: { version: number; note: string | null } }
  | {
      kind: `notice_${'erratum' | 'expression_of_concern' | 'retraction'}`;
      data: { noticeId: string };
    }
  | {
      kind: 'published' | 'stage_scheduled' | 'stage_production';
      data: { from: SubmissionStage; to: SubmissionStage } & Record<string, unknown>;
    };

export type SubmissionEventKind = SubmissionEventInput['kind'];

/**
 * The kinds an author reads in their submission's history: what they did, what the editors
 * decided and told them, and the discussions they are part of. Review events never (they would
 * tell who reviews), nor the editors' own bookkeeping.
 */
const AUTHOR_SEES: Record<SubmissionEventKind, boolean> = {
  created: true,
  file_uploaded: true,
  file_released: false,
  file_removed: true,
  copyright_agreed: true,
  submitted: true,
  withdrawn: true,
  decision: true,
  decision_recommended: false,
  revision_submitted: true,
  reviewer_invited: false,
  review_accepted: false,
  review_declined: false,
  review_submitted: false,
  review_cancelled: false,
  review_reinstated: false,
  review_due_dates_changed: false,
  review_unlocked: false,
  review_rated: false,
  reviewer_thanked: false,
  stage_assigned: false,
  stage_unassigned: false,
  discussion_started: true,
  discussion_closed: true,
  galley_source_marked: false,
  galley_added: false,
  galley_removed: false,
  correction_started: false,
  correction_published: true,
  notice_erratum: true,
  notice_expression_of_concern: true,
  notice_retraction: true,
  published: true,
  stage_scheduled: false,
  stage_production: false,
};

export const authorSees = (kind: SubmissionEventKind) => AUTHOR_SEES[kind];
