import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { normalizeOrcid } from '../common/identifiers/orcid';
import type { Actor } from '../editorial/request-context';
import type { BoardMember } from './board-member.entity';
import { BoardRepository } from './board.repository';
import type { EditorialBoardDto } from './dto/journal-settings.dto';
import type { Journal } from './journal.entity';

const summary = (list: BoardMember[]) => ({
  members: list.map(({ names, roleTitles }) => ({ names, roleTitles })),
});

/** A journal's editorial board, as published on the site and the issue masthead. */
@Injectable()
export class BoardService {
  constructor(
    private readonly board: BoardRepository,
    private readonly audit: AuditLog,
  ) {}

  /** In masthead order. */
  list(journalId: string): Promise<BoardMember[]> {
    return this.board.listOf(journalId);
  }

  @Transactional()
  async replace(journal: Journal, dto: EditorialBoardDto, actor: Actor): Promise<BoardMember[]> {
    const before = await this.board.listOf(journal.id);
    const saved = await this.board.replace(
      journal.id,
      dto.members.map((member, seq) => ({
        names: member.names,
        roleTitles: member.roleTitles,
        affiliations: member.affiliations ?? {},
        orcid: member.orcid ? normalizeOrcid(member.orcid) : null,
        seq,
      })),
    );
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal',
      objectId: journal.id,
      action: 'journal.board_replaced',
      before: summary(before),
      after: summary(saved),
    });
    return saved;
  }
}
