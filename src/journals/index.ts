/** The journals feature's public surface: what the other features may use. */
export { JournalsModule } from './journals.module';
export { JournalsService } from './journals.service';
export { JournalsLookup } from './journals.lookup';
export { SectionsService, SECTION_EDITOR_ROLES } from './sections.service';
export { BoardService } from './board.service';
export { CurrentJournal } from './current-journal.decorator';
export { REVIEW_POLICIES, type Journal, type ReviewPolicy } from './journal.entity';
export type { BoardMember } from './board-member.entity';
