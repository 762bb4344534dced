import { ApiProperty } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import type { Section } from '../section.entity';
import { LOCALIZED_TEXT } from './journal.response';

/** A section editor, by name and id only: their addresses are not public. */
export class SectionEditorResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: 'object',
    description: 'A name per script (ISO 15924: Arab, Latn, Tfng)',
    additionalProperties: {
      type: 'object',
      properties: { given: { type: 'string' }, family: { type: 'string' } },
      required: ['given'],
    },
    example: { Latn: { given: 'Leila', family: 'Benali' } },
  })
  names: PersonNames;
}

/** A part of the journal (research articles, field reports…), with its editors. */
export class SectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  abbreviations: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  policies: LocalizedText;

  @ApiProperty()
  peerReviewed: boolean;

  @ApiProperty({ type: 'integer', nullable: true })
  wordLimit: number | null;

  @ApiProperty({ description: 'Closed sections accept no new submissions' })
  openForSubmissions: boolean;

  @ApiProperty({ type: 'integer', description: 'Order in the table of contents' })
  seq: number;

  @ApiProperty({
    type: [SectionEditorResponse],
    description: 'Empty in the answers to a change of the section’s own fields',
  })
  editors: SectionEditorResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export function toSectionResponse(section: Section): SectionResponse {
  return {
    id: section.id,
    journalId: section.journalId,
    titles: section.titles,
    abbreviations: section.abbreviations,
    policies: section.policies,
    peerReviewed: section.peerReviewed,
    wordLimit: section.wordLimit,
    openForSubmissions: section.openForSubmissions,
    seq: section.seq,
    editors: (section.editors ?? []).map((editor) => ({ id: editor.id, names: editor.names })),
    createdAt: section.createdAt,
    updatedAt: section.updatedAt,
  };
}
