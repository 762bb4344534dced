import { Injectable } from '@nestjs/common';
import { Repository } from '../database/transactions';
import { BoardMember } from './board-member.entity';

/** The `editorial_board_members` table. */
@Injectable()
export class BoardRepository extends Repository {
  /** In masthead order. */
  listOf(journalId: string): Promise<BoardMember[]> {
    return this.db.find(BoardMember, { where: { journalId }, order: { seq: 'ASC' } });
  }

  /** The journal's board becomes `members`, in that order. */
  async replace(
    journalId: string,
    members: Omit<BoardMember, 'id' | 'journalId' | 'journal'>[],
  ): Promise<BoardMember[]> {
    await this.db.delete(BoardMember, { journalId });
    return this.db.save(
      members.map((member) => this.db.create(BoardMember, { ...member, journalId })),
    );
  }
}
