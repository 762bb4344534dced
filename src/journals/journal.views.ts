import type { BoardMember } from './board-member.entity';
import type { Journal } from './journal.entity';
import type { Section } from './section.entity';

/** What anyone may read about a journal (everything but internal bookkeeping). */
export function journalView(journal: Journal) {
  const { createdAt: _createdAt, ...view } = journal;
  return view;
}

/** Section editors are shown by name and id only: their addresses are not public. */
export function sectionView(section: Section) {
  return {
    ...section,
    editors: (section.editors ?? []).map((editor) => ({ id: editor.id, names: editor.names })),
  };
}

export function boardView(member: BoardMember) {
  const { journalId: _journalId, journal: _journal, ...view } = member;
  return view;
}
