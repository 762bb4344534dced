import type { Locale } from '../common/i18n/locale';
import type { JournalRoleName } from './journal-role.entity';

/** Role names as editors say them, for emails and pages. */
export const ROLE_NAMES: Record<Locale, Record<JournalRoleName, string>> = {
  ar: {
    manager: 'مدير المجلة',
    editor: 'رئيس التحرير',
    section_editor: 'محرّر القسم',
    reviewer: 'محكّم',
    author: 'مؤلّف',
    reader: 'قارئ',
  },
  en: {
    manager: 'journal manager',
    editor: 'editor',
    section_editor: 'section editor',
    reviewer: 'reviewer',
    author: 'author',
    reader: 'reader',
  },
  fr: {
    manager: 'gestionnaire de la revue',
    editor: 'rédacteur en chef',
    section_editor: 'rédacteur de rubrique',
    reviewer: 'évaluateur',
    author: 'auteur',
    reader: 'lecteur',
  },
};
