import { ApiProperty } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/locale';
import {
  type GuestEditor,
  ISSUE_STATUSES,
  type Issue,
  type IssueStatus,
} from '../entities/issue.entity';
import type { IssueListItem, IssueView } from '../issues.service';
import type { TocSection } from '../table-of-contents';
import {
  GalleyResponse,
  LOCALIZED_TEXT,
  PublicationWithGalleysResponse,
  toGalleyResponse,
  toPublicationWithGalleysResponse,
} from './publication.response';

export class GuestEditorResponse {
  @ApiProperty(LOCALIZED_TEXT)
  names: LocalizedText;

  @ApiProperty({ type: String, required: false })
  affiliation?: string;
}

/** An issue as its editors keep it (its cover's storage key never leaves the server). */
export class IssueResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  journalId: string;

  @ApiProperty()
  volume: number;

  @ApiProperty()
  number: number;

  @ApiProperty()
  year: number;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  descriptions: LocalizedText;

  @ApiProperty()
  showVolume: boolean;

  @ApiProperty()
  showNumber: boolean;

  @ApiProperty()
  showYear: boolean;

  @ApiProperty()
  showTitle: boolean;

  @ApiProperty({ description: 'A special issue, with guest editors' })
  special: boolean;

  @ApiProperty({ type: [GuestEditorResponse] })
  guestEditors: GuestEditor[];

  @ApiProperty({ type: String, nullable: true, description: 'The cover’s type; null without one' })
  coverImageMediaType: string | null;

  @ApiProperty({ enum: ISSUE_STATUSES })
  status: IssueStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  scheduledFor: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ description: 'The journal’s current issue (its newest published one)' })
  isCurrent: boolean;

  @ApiProperty({ description: 'Send it back with a change (409 if it moved)' })
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export function toIssueResponse(issue: Issue): IssueResponse {
  return {
    id: issue.id,
    journalId: issue.journalId,
    volume: issue.volume,
    number: issue.number,
    year: issue.year,
    titles: issue.titles,
    descriptions: issue.descriptions,
    showVolume: issue.showVolume,
    showNumber: issue.showNumber,
    showYear: issue.showYear,
    showTitle: issue.showTitle,
    special: issue.special,
    guestEditors: issue.guestEditors,
    coverImageMediaType: issue.coverImageMediaType,
    status: issue.status,
    scheduledFor: issue.scheduledFor,
    publishedAt: issue.publishedAt,
    isCurrent: issue.isCurrent,
    lockVersion: issue.lockVersion,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
  };
}

/** An issue in the editors' list. */
export class IssueListItemResponse extends IssueResponse {
  @ApiProperty({ ...LOCALIZED_TEXT, description: 'How the issue is named, in each language' })
  identification: LocalizedText;

  @ApiProperty({ description: 'How many articles it holds' })
  articles: number;
}

export function toIssueListItemResponse(issue: IssueListItem): IssueListItemResponse {
  return {
    ...toIssueResponse(issue),
    identification: issue.identification,
    articles: issue.articles,
  };
}

export class TocSectionRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;
}

/** One section of an issue's table of contents, its articles in order. */
export class TocSectionResponse {
  @ApiProperty({ type: TocSectionRef })
  section: TocSectionRef;

  @ApiProperty({ type: [PublicationWithGalleysResponse] })
  articles: PublicationWithGalleysResponse[];
}

function toTocSectionResponse(group: TocSection): TocSectionResponse {
  return {
    section: { id: group.section.id, titles: group.section.titles },
    articles: group.articles.map(toPublicationWithGalleysResponse),
  };
}

/** An issue with its table of contents (drafts included) and its own galleys. */
export class IssueDetailResponse extends IssueResponse {
  @ApiProperty({ ...LOCALIZED_TEXT, description: 'How the issue is named, in each language' })
  identification: LocalizedText;

  @ApiProperty({ type: [TocSectionResponse], description: 'By section, in the journal’s order' })
  toc: TocSectionResponse[];

  @ApiProperty({ type: [GalleyResponse], description: 'The issue’s own files' })
  galleys: GalleyResponse[];
}

export function toIssueDetailResponse(issue: IssueView): IssueDetailResponse {
  return {
    ...toIssueResponse(issue),
    identification: issue.identification,
    toc: issue.toc.map(toTocSectionResponse),
    galleys: issue.galleys.map(toGalleyResponse),
  };
}
