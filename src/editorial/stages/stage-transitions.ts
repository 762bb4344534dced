import { EDITORS, JOURNAL_EDITORS, type JournalRoleName } from '../roles';

/** Where a manuscript is on its way through the journal. */
export const SUBMISSION_STAGES = [
  'draft',
  'submitted',
  'review',
  'copyediting',
  'production',
  'scheduled',
  'published',
  'declined',
  'withdrawn',
] as const;
export type SubmissionStage = (typeof SUBMISSION_STAGES)[number];

/** Every decision an editor can take, named as editors know them. */
export const DECISION_KINDS = [
  'decline_without_review',
  'send_to_review',
  'request_revisions',
  'resubmit_for_review',
  'accept',
  'decline',
  'revert_decline',
  'send_to_production',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The steps that move a submission: the editors' decisions, the author's, the issue's. */
export type StageStep =
  DecisionKind | 'submit' | 'withdraw' | 'schedule' | 'unschedule' | 'publish' | 'unpublish';

/** Who takes a step: the author (the submitter), or people with one of these roles. */
export type StageTaker =
  { kind: 'author' } | { kind: 'staff'; roles: readonly JournalRoleName[]; system?: boolean };

export interface StageArrow {
  step: StageStep;
  from: readonly SubmissionStage[];
  /** `previous`: back to the stage before the decline (a revert). */
  to: SubmissionStage | 'previous';
  by: StageTaker;
  /** The arrow in words, for the record. */
  says: string;
}

const EDITORS_TAKE: StageTaker = { kind: 'staff', roles: EDITORS };
/** Issues are scheduled and published by the journal's editors, or by the worker when due. */
const ISSUES_TAKE: StageTaker = { kind: 'staff', roles: JOURNAL_EDITORS, system: true };

/**
 * Every arrow of the editorial workflow, and nothing else: the stage machine refuses a step that
 * is not here for the submission's stage, or a taker who may not take it. What a decision also
 * requires and does lives with the decisions (decisions/decision-rules.ts).
 */
export const STAGE_ARROWS: readonly StageArrow[] = [
  {
    step: 'submit',
    from: ['draft'],
    to: 'submitted',
    by: { kind: 'author' },
    says: 'author submits',
  },
  {
    step: 'withdraw',
    from: ['submitted', 'review'],
    to: 'withdrawn',
    by: { kind: 'author' },
    says: 'author withdraws',
  },
  {
    step: 'decline_without_review',
    from: ['submitted'],
    to: 'declined',
    by: EDITORS_TAKE,
    says: 'editors decline without review',
  },
  {
    step: 'send_to_review',
    from: ['submitted'],
    to: 'review',
    by: EDITORS_TAKE,
    says: 'editors send to review',
  },
  {
    step: 'request_revisions',
    from: ['review'],
    to: 'review',
    by: EDITORS_TAKE,
    says: 'editors request revisions',
  },
  {
    step: 'resubmit_for_review',
    from: ['review'],
    to: 'review',
    by: EDITORS_TAKE,
    says: 'editors ask for a revised version and a new round',
  },
  {
    step: 'accept',
    from: ['submitted', 'review'],
    to: 'copyediting',
    by: EDITORS_TAKE,
    says: 'editors accept',
  },
  { step: 'decline', from: ['review'], to: 'declined', by: EDITORS_TAKE, says: 'editors decline' },
  {
    step: 'revert_decline',
    from: ['declined'],
    to: 'previous',
    by: EDITORS_TAKE,
    says: 'editors revert a decline',
  },
  {
    step: 'send_to_production',
    from: ['copyediting'],
    to: 'production',
    by: EDITORS_TAKE,
    says: 'editors send to production',
  },
  {
    step: 'schedule',
    from: ['production'],
    to: 'scheduled',
    by: ISSUES_TAKE,
    says: 'issue scheduled',
  },
  {
    step: 'publish',
    from: ['production', 'scheduled'],
    to: 'published',
    by: ISSUES_TAKE,
    says: 'issue published',
  },
  {
    step: 'unschedule',
    from: ['scheduled'],
    to: 'production',
    by: ISSUES_TAKE,
    says: 'issue unscheduled, or the article taken out of it',
  },
  {
    step: 'unpublish',
    from: ['published'],
    to: 'production',
    by: ISSUES_TAKE,
    says: 'issue unpublished (no DOI registered yet)',
  },
];

export const isDecision = (step: StageStep): step is DecisionKind =>
  (DECISION_KINDS as readonly string[]).includes(step);

/** The arrows that are not editors' decisions, as the record lists them. */
export const OTHER_TRANSITIONS: readonly {
  from: SubmissionStage[];
  to: SubmissionStage;
  by: string;
}[] = STAGE_ARROWS.filter((arrow) => !isDecision(arrow.step)).map((arrow) => ({
  from: [...arrow.from],
  to: arrow.to as SubmissionStage,
  by: arrow.says,
}));

export function arrowOf(step: StageStep): StageArrow {
  const arrow = STAGE_ARROWS.find((candidate) => candidate.step === step);
  if (!arrow) throw new Error(`no arrow for ${step}`);
  return arrow;
}

/** The decisions open to an editor for a submission in `stage`. */
export function decisionsFrom(stage: SubmissionStage): DecisionKind[] {
  return STAGE_ARROWS.filter((arrow) => isDecision(arrow.step) && arrow.from.includes(stage)).map(
    (arrow) => arrow.step as DecisionKind,
  );
}
