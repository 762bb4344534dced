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
