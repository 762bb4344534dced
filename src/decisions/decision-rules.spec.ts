import {
  DECISION_KINDS,
  decisionsFrom,
  OTHER_TRANSITIONS,
  SUBMISSION_STAGES,
} from '../editorial/stages/stage-transitions';
import { DECISION_TRANSITIONS, transitionFor } from './decision-rules';

describe('stage transitions', () => {
  it('has exactly one transition per decision', () => {
    expect(DECISION_TRANSITIONS.map((transition) => transition.decision).sort()).toEqual(
      [...DECISION_KINDS].sort(),
    );
  });

  it('offers no decision on withdrawn, published or draft submissions', () => {
    expect(decisionsFrom('withdrawn')).toEqual([]);
    expect(decisionsFrom('published')).toEqual([]);
    expect(decisionsFrom('draft')).toEqual([]);
  });

  it('lets editors desk-reject, send to review or accept a new submission', () => {
    expect(decisionsFrom('submitted').sort()).toEqual(
      ['accept', 'decline_without_review', 'send_to_review'].sort(),
    );
  });

  it('offers revisions, a new round, acceptance or a decline during review', () => {
    expect(decisionsFrom('review').sort()).toEqual(
      ['accept', 'decline', 'request_revisions', 'resubmit_for_review'].sort(),
    );
    expect(decisionsFrom('declined')).toEqual(['revert_decline']);
  });

  it('reaches every stage from draft through decisions and the other arrows', () => {
    const reached = new Set<string>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const arrow of [
        ...OTHER_TRANSITIONS,
        ...DECISION_TRANSITIONS.filter((transition) => transition.to !== 'previous'),
      ]) {
        if (arrow.from.some((stage) => reached.has(stage)) && !reached.has(arrow.to as string)) {
          reached.add(arrow.to as string);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...SUBMISSION_STAGES].sort());
  });

  it('requires a due date for revisions and reviews (or a reason) to accept', () => {
    expect(transitionFor('request_revisions').requires).toContain('revisions_due_date');
    expect(transitionFor('resubmit_for_review').effects).toEqual(['request_new_round']);
    expect(transitionFor('accept').requires).toEqual(['enough_reviews_or_reason']);
    expect(transitionFor('send_to_review').effects).toEqual(['open_first_round']);
  });
});
