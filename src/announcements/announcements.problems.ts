import { defineProblems } from '../common/problems/problem-registry';

/**
 * Problems of the announcements feature (a missing announcement is http's `not-found`, a title
 * missing in the journal's primary language http's `validation-error`).
 */
export const announcementProblems = defineProblems('announcements', {
  'stale-announcement': {
    status: 409,
    title: {
      en: 'The announcement changed meanwhile',
      ar: 'تغيّر الإعلان في الأثناء',
      fr: 'L’annonce a changé entre-temps',
    },
  },
});
