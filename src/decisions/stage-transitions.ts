import type { JournalRoleName } from '../access/journal-role.entity';
import type { SubmissionStage } from '../submissions/entities/submission.entity';
import type { DecisionKind } from './decision-kinds';

/** Conditions a decision checks before it is taken; each has one check in DecisionsService. */
export type Requirement =
  /** The current review round is under review or has the author's revisions back. */
  | 'open_round'
  /** The round has the journal's minimum of completed reviews, or the editor states a reason. */
  | 'enough_reviews_or_reason'
  /** The editor gives a due date for the revisions. */
  | 'revisions_due_date'
  /** The decline being reverted is on record, so its previous stage is known. */
  | 'recorded_decline';

/** What a decision does besides moving the stage. */
export type Effect =
  'open_first_round' | 'request_revisions' | 'request_new_round' | 'close_round' | 'reopen_round';

export interface Transition {
  decision: DecisionKind;
  from: readonly SubmissionStage[];
  /** `previous`: back to the stage before the decline (revert). */
  to: SubmissionStage | 'previous';
  /** Roles that may take it; section editors only on submissions they handle. */
  roles: readonly JournalRoleName[];
  requires: readonly Requirement[];
  effects: readonly Effect[];
  /** Whether a letter goes to the author by default. */
  lettersAuthor: boolean;
  /**
   * In journals where section editors recommend (`sectionEditorsRecommend`), a section editor
   * recommends this decision to the editors instead of taking it.
   */
  recommendable: boolean;
}

const EDITORS: readonly JournalRoleName[] = ['manager', 'editor', 'section_editor'];

/**
 * Every arrow of the editorial workflow, and nothing else: a decision that is not here for the
 * submission's stage is refused. Scheduling and publishing belong to issues, withdrawal to the
 * author; both are listed in `OTHER_TRANSITIONS` so the whole graph is in one place.
 */
export const DECISION_TRANSITIONS: readonly Transition[] = [
  {
    decision: 'decline_without_review',
    from: ['submitted'],
    to: 'declined',
    roles: EDITORS,
    requires: [],
    effects: [],
    lettersAuthor: true,
    recommendable: true,
  },
  {
    decision: 'send_to_review',
    from: ['submitted'],
    to: 'review',
    roles: EDITORS,
    requires: [],
    effects: ['open_first_round'],
    lettersAuthor: true,
    recommendable: false,
  },
  {
    decision: 'request_revisions',
    from: ['review'],
    to: 'review',
    roles: EDITORS,
    requires: ['open_round', 'revisions_due_date'],
    effects: ['request_revisions'],
    lettersAuthor: true,
    recommendable: true,
  },
  {
    decision: 'resubmit_for_review',
    from: ['review'],
    to: 'review',
    roles: EDITORS,
    requires: ['open_round', 'revisions_due_date'],
    effects: ['request_new_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  {
    decision: 'accept',
    from: ['submitted', 'review'],
    to: 'copyediting',
    roles: EDITORS,
    requires: ['enough_reviews_or_reason'],
    effects: ['close_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  {
    decision: 'decline',
    from: ['review'],
    to: 'declined',
    roles: EDITORS,
    requires: [],
    effects: ['close_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  {
    decision: 'revert_decline',
    from: ['declined'],
    to: 'previous',
    roles: EDITORS,
    requires: ['recorded_decline'],
    effects: ['reopen_round'],
    lettersAuthor: true,
    recommendable: false,
  },
  {
    decision: 'send_to_production',
    from: ['copyediting'],
    to: 'production',
    roles: EDITORS,
    requires: [],
    effects: [],
    lettersAuthor: false,
    recommendable: false,
  },
];

/** Arrows taken by other parts of the system, for the record and for tests of the whole graph. */
export const OTHER_TRANSITIONS: readonly {
  from: SubmissionStage[];
  to: SubmissionStage;
  by: string;
}[] = [
  { from: ['draft'], to: 'submitted', by: 'author submits' },
  { from: ['submitted', 'review'], to: 'withdrawn', by: 'author withdraws' },
  { from: ['production'], to: 'scheduled', by: 'issue scheduled' },
  { from: ['production', 'scheduled'], to: 'published', by: 'issue published' },
  {
    from: ['scheduled'],
    to: 'production',
    by: 'issue unscheduled, or the article taken out of it',
  },
  { from: ['published'], to: 'production', by: 'issue unpublished (no DOI registered yet)' },
];

export function transitionFor(decision: DecisionKind): Transition {
  const transition = DECISION_TRANSITIONS.find((candidate) => candidate.decision === decision);
  if (!transition) throw new Error(`no transition for decision ${decision}`);
  return transition;
}

/** The decisions open to an editor for a submission in `stage`. */
export function decisionsFrom(stage: SubmissionStage): DecisionKind[] {
  return DECISION_TRANSITIONS.filter((transition) => transition.from.includes(stage)).map(
    (transition) => transition.decision,
  );
}
