// For decisions and production, until they import the facts from the reviews index (both do now:
// nothing imports this file any more, it can go). The types and helpers are in email-facts.ts,
// the reads in submission-facts.repository.ts.
export { day, type EmailRecipient, recipientOf, type SubmissionFacts } from './email-facts';
export { loadSubmissionFacts } from './submission-facts.repository';
