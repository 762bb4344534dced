import type { JournalRoleName } from '../editorial/roles';
import {
  arrowOf,
  DECISION_KINDS,
  type DecisionKind,
  type SubmissionStage,
} from '../editorial/stages/stage-transitions';

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

/** What a decision requires and does, beyond its arrow of the stage machine. */
export interface DecisionRule {
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

/** A decision: its arrow (from the editorial core's transition table) and its rule. */
export interface Transition extends DecisionRule {
  decision: DecisionKind;
  from: readonly SubmissionStage[];
  /** `previous`: back to the stage before the decline (revert). */
  to: SubmissionStage | 'previous';
  /** Roles that may take it; section editors only on submissions they handle. */
  roles: readonly JournalRoleName[];
}

/**
 * What each decision requires and does. Where it may be taken, and by whom, is the editorial
 * core's transition table (editorial/stages/stage-transitions.ts); the stage machine moves it.
 */
const RULES: Record<DecisionKind, DecisionRule> = {
  decline_without_review: {
    requires: [],
    effects: [],
    lettersAuthor: true,
    recommendable: true,
  },
  send_to_review: {
    requires: [],
    effects: ['open_first_round'],
    lettersAuthor: true,
    recommendable: false,
  },
  request_revisions: {
    requires: ['open_round', 'revisions_due_date'],
    effects: ['request_revisions'],
    lettersAuthor: true,
    recommendable: true,
  },
  resubmit_for_review: {
    requires: ['open_round', 'revisions_due_date'],
    effects: ['request_new_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  accept: {
    requires: ['enough_reviews_or_reason'],
    effects: ['close_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  decline: {
    requires: [],
    effects: ['close_round'],
    lettersAuthor: true,
    recommendable: true,
  },
  revert_decline: {
    requires: ['recorded_decline'],
    effects: ['reopen_round'],
    lettersAuthor: true,
    recommendable: false,
  },
  send_to_production: {
    requires: [],
    effects: [],
    lettersAuthor: false,
    recommendable: false,
  },
};

/** Every decision with its arrow and its rule, in the order of DECISION_KINDS. */
export const DECISION_TRANSITIONS: readonly Transition[] = DECISION_KINDS.map((decision) => {
  const arrow = arrowOf(decision);
  return {
    decision,
    from: arrow.from,
    to: arrow.to,
    roles: arrow.by.kind === 'staff' ? arrow.by.roles : [],
    ...RULES[decision],
  };
});

export function transitionFor(decision: DecisionKind): Transition {
  const transition = DECISION_TRANSITIONS.find((candidate) => candidate.decision === decision);
  if (!transition) throw new Error(`no transition for decision ${decision}`);
  return transition;
}
