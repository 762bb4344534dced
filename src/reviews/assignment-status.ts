import type { AssignmentState, ReviewAssignment } from './entities/review-assignment.entity';

export type AssignmentStatus = AssignmentState | 'overdue';

/** The state editors and reviewers see: an open assignment past its date is "overdue". */
export function assignmentStatus(
  assignment: Pick<ReviewAssignment, 'state' | 'responseDueAt' | 'reviewDueAt'>,
  now = new Date(),
): AssignmentStatus {
  if (assignment.state === 'invited' && assignment.responseDueAt < now) return 'overdue';
  if (assignment.state === 'accepted' && assignment.reviewDueAt < now) return 'overdue';
  return assignment.state;
}
