import { ApiProperty } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/locale';
import type { BoardMember } from '../board-member.entity';
import { LOCALIZED_TEXT } from './journal.response';

/** A line of the editorial board, as published. */
export class BoardMemberResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(LOCALIZED_TEXT)
  names: LocalizedText;

  @ApiProperty({ ...LOCALIZED_TEXT, example: { en: 'Editor-in-Chief' } })
  roleTitles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  affiliations: LocalizedText;

  @ApiProperty({ type: String, nullable: true, example: '0000-0002-1825-0097' })
  orcid: string | null;

  @ApiProperty({ type: 'integer', description: 'Order on the masthead' })
  seq: number;
}

export function toBoardMemberResponse(member: BoardMember): BoardMemberResponse {
  return {
    id: member.id,
    names: member.names,
    roleTitles: member.roleTitles,
    affiliations: member.affiliations,
    orcid: member.orcid,
    seq: member.seq,
  };
}
