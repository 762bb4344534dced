/** Every BullMQ queue Tahkim uses. Add a queue here, nowhere else. */
export enum QueueName {
  Notifications = 'notifications',
  /** Scheduled scans: review and revision reminders. */
  Reviews = 'reviews',
  /** Scheduled scans: issues whose publication time has come. */
  Publishing = 'publishing',
  /** Typesetting runs (issues and article proofs): ids only, one job per run. */
  Typesetting = 'typesetting',
}
