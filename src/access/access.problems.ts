import { defineProblems } from '../common/problems/problem-registry';

/**
 * Problems of the access feature: who may use a journal's routes, and who may give which role.
 * (Signing in first is http's `unauthenticated`; a missing role row is http's `not-found`.)
 */
export const accessProblems = defineProblems('access', {
  'journal-role-required': {
    status: 403,
    title: {
      en: 'Your roles in this journal do not allow this',
      ar: 'أدوارك في هذه المجلة لا تسمح بهذا',
      fr: 'Vos rôles dans cette revue ne le permettent pas',
    },
  },
  'site-admin-only': {
    status: 403,
    title: {
      en: 'Only site administrators may do this',
      ar: 'هذا من صلاحيات مديري الموقع وحدهم',
      fr: 'Seuls les administrateurs du site peuvent faire ceci',
    },
  },
  'not-your-section': {
    status: 403,
    title: {
      en: 'Section editors act only on the sections assigned to them',
      ar: 'لا يتصرّف محرّرو الأقسام إلا في الأقسام المسندة إليهم',
      fr: 'Les rédacteurs de rubrique n’agissent que sur les rubriques qui leur sont confiées',
    },
  },
  'role-not-grantable': {
    status: 403,
    title: {
      en: 'Your roles do not allow giving this role',
      ar: 'أدوارك لا تسمح بمنح هذا الدور',
      fr: 'Vos rôles ne permettent pas d’attribuer ce rôle',
    },
  },
  'role-already-held': {
    status: 409,
    title: {
      en: 'This person already holds this role in the journal',
      ar: 'يشغل هذا الشخص هذا الدور في المجلة من قبل',
      fr: 'Cette personne a déjà ce rôle dans la revue',
    },
  },
  'last-manager': {
    status: 409,
    title: {
      en: 'A journal keeps at least one manager',
      ar: 'لا بدّ أن يبقى للمجلة مدير واحد على الأقل',
      fr: 'Une revue garde au moins un gestionnaire',
    },
  },
});
