import { REVIEW_POLICIES, type ReviewPolicy } from '../journals';

/** How identities are hidden in one assignment; the journal's policy is the default. */
export const REVIEW_METHODS = REVIEW_POLICIES;
export type ReviewMethod = ReviewPolicy;

/** What a reviewer recommends, in the words editors know from OJS. */
export const RECOMMENDATIONS = [
  'accept',
  'minor_revisions',
  'major_revisions',
  'resubmit_for_review',
  'decline',
  'see_comments',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
