import { defineProblems } from '../common/problems/problem-registry';

/** Problems of the journals feature (a missing journal or section is http's `not-found`). */
export const journalProblems = defineProblems('journals', {
  'slug-change-forbidden': {
    status: 403,
    title: {
      en: 'Only site administrators may change a journal’s slug',
      ar: 'لا يغيّر المعرّفَ المختصر للمجلة إلا مديرو الموقع',
      fr: 'Seuls les administrateurs du site peuvent changer l’identifiant court d’une revue',
    },
  },
});
