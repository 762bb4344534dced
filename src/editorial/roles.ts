import type { Locale } from '../common/i18n/locale';

/** Roles a person can hold in one journal; site administration is a flag on the account. */
export const JOURNAL_ROLES = [
  'manager',
  'editor',
  'section_editor',
  'reviewer',
  'author',
  'reader',
  'copyeditor',
  'production_editor',
] as const;
export type JournalRoleName = (typeof JOURNAL_ROLES)[number];

/**
 * Who handles submissions: managers and editors every one, section editors those of their
 * sections. None of them ever handles a submission they are a contributor of.
 */
export const EDITORS = [
  'manager',
  'editor',
  'section_editor',
] as const satisfies readonly JournalRoleName[];

/** Who runs the journal's issues and its journal-wide settings of the editorial kind. */
export const JOURNAL_EDITORS = ['manager', 'editor'] as const satisfies readonly JournalRoleName[];

/** Who manages the journal itself: settings, roles, forms. */
export const MANAGERS = ['manager'] as const satisfies readonly JournalRoleName[];

/** Who prepares articles for publication: the editors and the production editors. */
export const PREPARERS = [
  ...EDITORS,
  'production_editor',
] as const satisfies readonly JournalRoleName[];

/** Who takes part in the stages after acceptance besides the author. */
export const STAGE_STAFF = [
  ...EDITORS,
  'copyeditor',
  'production_editor',
] as const satisfies readonly JournalRoleName[];

/** Role names as editors say them, for emails and pages. */
export const ROLE_NAMES: Record<Locale, Record<JournalRoleName, string>> = {
  ar: {
    manager: 'مدير المجلة',
    editor: 'رئيس التحرير',
    section_editor: 'محرّر القسم',
    reviewer: 'محكّم',
    author: 'مؤلّف',
    reader: 'قارئ',
    copyeditor: 'المدقّق اللغوي',
    production_editor: 'محرّر الإنتاج',
  },
  en: {
    manager: 'journal manager',
    editor: 'editor',
    section_editor: 'section editor',
    reviewer: 'reviewer',
    author: 'author',
    reader: 'reader',
    copyeditor: 'copyeditor',
    production_editor: 'production editor',
  },
  fr: {
    manager: 'gestionnaire de la revue',
    editor: 'rédacteur en chef',
    section_editor: 'rédacteur de rubrique',
    reviewer: 'évaluateur',
    author: 'auteur',
    reader: 'lecteur',
    copyeditor: 'réviseur linguistique',
    production_editor: 'responsable de production',
  },
};
