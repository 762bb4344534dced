import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMOVAL_KINDS } from '../cleaning-context';
import type { StoredAnonymisation } from '../file-anonymiser';
import type { NameWarning } from '../name-matcher';

/** A contributor's name left in the copy, and where. */
export class NameWarningResponse {
  @ApiProperty({ description: 'The name searched for: the full name, or the family name alone' })
  name: string;

  @ApiProperty({ description: 'About 60 characters of the text around the match' })
  excerpt: string;

  @ApiProperty({ description: '`body` for the main text, otherwise the part (word/header1.xml)' })
  location: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The page (PDF, Word, a slide)' })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The paragraph, from 1, without pages' })
  paragraph?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The line of a Markdown or text file' })
  line?: number;
}

/**
 * What the anonymisation pipeline did to a file: the run's report, or only `heldReason` when the
 * file could not be cleaned (older rows have removed, nameWarnings and bodyTextChecked only).
 */
export class AnonymisationReportResponse {
  @ApiPropertyOptional({
    type: [String],
    description: 'What was stripped, e.g. `docProps/core.xml dc:creator`',
  })
  removed?: string[];

  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(
      REMOVAL_KINDS.map((kind) => [kind, { type: 'integer', minimum: 0 }]),
    ),
    description: 'How many of each kind were removed',
  })
  summary?: Partial<Record<(typeof REMOVAL_KINDS)[number], number>>;

  @ApiPropertyOptional({
    type: [String],
    description: 'Files inside the upload cleaned in turn, by path',
  })
  embeddedCleaned?: string[];

  @ApiPropertyOptional({ type: [NameWarningResponse] })
  nameWarnings?: NameWarningResponse[];

  @ApiPropertyOptional({
    description: 'False when some text could not be searched for names (see unreadText)',
  })
  bodyTextChecked?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'The files whose text could not be read (empty string: the upload itself)',
  })
  unreadText?: string[];

  @ApiPropertyOptional({ description: 'Why the file could not be cleaned' })
  heldReason?: string;
}

const toNameWarningResponse = (warning: NameWarning): NameWarningResponse => ({
  name: warning.name,
  excerpt: warning.excerpt,
  location: warning.location,
  page: warning.page,
  paragraph: warning.paragraph,
  line: warning.line,
});

/** The stored report (jsonb) with each field named; a field a row lacks stays absent. */
export function toAnonymisationReportResponse(
  report: StoredAnonymisation | null | undefined,
): AnonymisationReportResponse | null {
  if (!report) return null;
  const summary = report.summary;
  return {
    removed: report.removed,
    summary:
      summary &&
      Object.fromEntries(
        REMOVAL_KINDS.filter((kind) => kind in summary).map((kind) => [kind, summary[kind]]),
      ),
    embeddedCleaned: report.embeddedCleaned,
    nameWarnings: report.nameWarnings?.map(toNameWarningResponse),
    bodyTextChecked: report.bodyTextChecked,
    unreadText: report.unreadText,
    heldReason: report.heldReason,
  };
}

/** `@ApiProperty(ANONYMISATION_REPORT)` on a response's `anonymisation`. */
export const ANONYMISATION_REPORT = {
  type: () => AnonymisationReportResponse,
  nullable: true,
} as const;
