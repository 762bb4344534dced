import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { PersonNamesResponse } from '../../accounts';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import type { BoardMember, Journal } from '../../journals';
import type { Galley } from '../entities/galley.entity';
import type { GuestEditor, Issue } from '../entities/issue.entity';
import { NOTICE_KINDS, type NoticeKind } from '../entities/publication-notice.entity';
import type { Publication, PublishedContributor } from '../entities/publication.entity';
import type { PublicArticle, PublicIssue, PublicJournal } from '../public-catalogue.service';
import { identifyIssueIn } from '../issue-identification';
import { GuestEditorResponse, TocSectionRef } from './issue.response';
import {
  LOCALIZED_TEXT,
  METADATA_PROPERTY,
  PublishedContributorResponse,
  PublishedMetadataResponse,
  toPublishedContributorResponse,
  toPublishedMetadataResponses,
} from './publication.response';

/** A published file, downloadable by its URL without signing in. */
export class PublicGalleyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'PDF' })
  label: string;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale: Locale;

  @ApiProperty()
  mediaType: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty()
  sha256: string;

  @ApiProperty({ example: '/api/public/journals/volunteering/galleys/…/content' })
  url: string;
}

function toPublicGalleyResponse(slug: string, galley: Galley): PublicGalleyResponse {
  return {
    id: galley.id,
    label: galley.label,
    locale: galley.locale,
    mediaType: galley.mediaType,
    size: galley.size,
    sha256: galley.sha256,
    url: `/api/public/journals/${slug}/galleys/${galley.id}/content`,
  };
}

/** What a published issue says of itself. */
export class PublicIssueSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

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

  @ApiProperty({ ...LOCALIZED_TEXT, description: 'How the issue is named, in each language' })
  identification: LocalizedText;

  @ApiProperty()
  special: boolean;

  @ApiProperty({ type: [GuestEditorResponse] })
  guestEditors: GuestEditor[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ description: 'The journal’s current issue' })
  current: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Its cover image, if it has one' })
  coverUrl: string | null;
}

export function toPublicIssueSummaryResponse(
  slug: string,
  issue: Issue,
): PublicIssueSummaryResponse {
  return {
    id: issue.id,
    volume: issue.volume,
    number: issue.number,
    year: issue.year,
    titles: issue.titles,
    descriptions: issue.descriptions,
    identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
    special: issue.special,
    guestEditors: issue.guestEditors,
    publishedAt: issue.publishedAt,
    current: issue.isCurrent,
    coverUrl: issue.coverImageKey ? `/api/public/journals/${slug}/issues/${issue.id}/cover` : null,
  };
}

export class PublicBoardMemberResponse {
  @ApiProperty(LOCALIZED_TEXT)
  names: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  roleTitles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  affiliations: LocalizedText;
}

export class PublisherResponse {
  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  place: string | null;
}

/** The journal, for readers and indexers. */
export class PublicJournalResponse {
  @ApiProperty()
  slug: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  abbreviations: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  descriptions: LocalizedText;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  primaryLocale: Locale;

  @ApiProperty({ enum: SUPPORTED_LOCALES, isArray: true })
  additionalLocales: Locale[];

  @ApiProperty({ type: String, nullable: true })
  onlineIssn: string | null;

  @ApiProperty({ type: String, nullable: true })
  printIssn: string | null;

  @ApiProperty({ type: PublisherResponse })
  publisher: PublisherResponse;

  @ApiProperty()
  licenceUrl: string;

  @ApiProperty({ type: String, nullable: true })
  doiPrefix: string | null;

  @ApiProperty({ type: [PublicBoardMemberResponse] })
  board: PublicBoardMemberResponse[];

  @ApiProperty({ type: PublicIssueSummaryResponse, nullable: true })
  currentIssue: PublicIssueSummaryResponse | null;
}

export function toPublicJournalResponse({
  journal,
  board,
  current,
}: PublicJournal): PublicJournalResponse {
  return {
    slug: journal.slug,
    titles: journal.titles,
    abbreviations: journal.abbreviations,
    descriptions: journal.descriptions,
    primaryLocale: journal.primaryLocale,
    additionalLocales: journal.additionalLocales,
    onlineIssn: journal.onlineIssn,
    printIssn: journal.printIssn,
    publisher: { name: journal.publisherName, place: journal.publisherPlace },
    licenceUrl: journal.licenceUrl,
    doiPrefix: journal.doiPrefix,
    board: board.map((member: BoardMember) => ({
      names: member.names,
      roleTitles: member.roleTitles,
      affiliations: member.affiliations,
    })),
    currentIssue: current ? toPublicIssueSummaryResponse(journal.slug, current) : null,
  };
}

/** The journal as an issue or an article names it. */
export class PublicJournalRefResponse {
  @ApiProperty()
  slug: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty({ type: String, nullable: true })
  onlineIssn: string | null;

  @ApiProperty({ type: String, nullable: true })
  printIssn: string | null;

  @ApiProperty({ description: 'The publisher’s name' })
  publisher: string;
}

const journalRef = (journal: Journal): PublicJournalRefResponse => ({
  slug: journal.slug,
  titles: journal.titles,
  onlineIssn: journal.onlineIssn,
  printIssn: journal.printIssn,
  publisher: journal.publisherName,
});

export class PublicAuthorResponse {
  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;

  @ApiProperty({ type: String, nullable: true })
  orcid: string | null;
}

/** An article in a published issue's table of contents. */
export class PublicTocArticleResponse {
  @ApiProperty({ format: 'uuid', description: 'The article (its submission)' })
  id: string;

  @ApiProperty({ description: 'Its newest published version' })
  version: number;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale: Locale;

  @ApiProperty({ ...LOCALIZED_TEXT, description: 'Its title in each language it has' })
  titles: LocalizedText;

  @ApiProperty({ type: [PublicAuthorResponse] })
  authors: PublicAuthorResponse[];

  @ApiProperty({ type: Number, nullable: true })
  firstPage: number | null;

  @ApiProperty({ type: Number, nullable: true })
  lastPage: number | null;

  @ApiProperty({ type: String, nullable: true })
  articleNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  doi: string | null;

  @ApiProperty()
  retracted: boolean;

  @ApiProperty({ type: [PublicGalleyResponse] })
  galleys: PublicGalleyResponse[];
}

export class PublicTocSectionResponse {
  @ApiProperty({ type: TocSectionRef })
  section: TocSectionRef;

  @ApiProperty({ type: [PublicTocArticleResponse] })
  articles: PublicTocArticleResponse[];
}

/** A published issue: its table of contents by section, and its own galleys. */
export class PublicIssueResponse extends PublicIssueSummaryResponse {
  @ApiProperty({ type: PublicJournalRefResponse })
  journal: PublicJournalRefResponse;

  @ApiProperty({ type: [PublicTocSectionResponse] })
  sections: PublicTocSectionResponse[];

  @ApiProperty({ type: [PublicGalleyResponse] })
  galleys: PublicGalleyResponse[];
}

export function toPublicIssueResponse({
  journal,
  issue,
  toc,
  galleys,
  retracted,
}: PublicIssue): PublicIssueResponse {
  return {
    ...toPublicIssueSummaryResponse(journal.slug, issue),
    journal: journalRef(journal),
    sections: toc.map(({ section, articles }) => ({
      section: { id: section.id, titles: section.titles },
      articles: articles.map((record) => ({
        id: record.submissionId,
        version: record.version,
        locale: record.locale,
        titles: Object.fromEntries(
          Object.entries(record.metadata).map(([locale, entry]) => [locale, entry?.title]),
        ) as LocalizedText,
        authors: record.contributors.map((contributor) => ({
          names: contributor.names,
          orcid: contributor.orcid ?? null,
        })),
        firstPage: record.firstPage,
        lastPage: record.lastPage,
        articleNumber: record.articleNumber,
        doi: record.doi,
        retracted: retracted.has(record.submissionId),
        galleys: record.galleys.map((galley) => toPublicGalleyResponse(journal.slug, galley)),
      })),
    })),
    galleys: galleys.map((galley) => toPublicGalleyResponse(journal.slug, galley)),
  };
}

export class PublicNoticeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTICE_KINDS })
  kind: NoticeKind;

  @ApiProperty(LOCALIZED_TEXT)
  texts: LocalizedText;

  @ApiProperty({ format: 'date-time' })
  publishedAt: Date;
}

export class PublicVersionResponse {
  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'What a correction changed' })
  versionNote: string | null;

  @ApiProperty({ type: [PublicGalleyResponse] })
  galleys: PublicGalleyResponse[];
}

/** A published article: its newest published version in full, and every published version. */
@ApiExtraModels(PublishedMetadataResponse)
export class PublicArticleResponse {
  @ApiProperty({ format: 'uuid', description: 'The article (its submission)' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, nullable: true })
  versionNote: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  issueId: string | null;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty()
  seq: number;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale: Locale;

  @ApiProperty(METADATA_PROPERTY)
  metadata: Partial<Record<Locale, PublishedMetadataResponse>>;

  @ApiProperty({
    type: [PublishedContributorResponse],
    description: 'Only the corresponding author’s email is shown',
  })
  contributors: Partial<PublishedContributorResponse>[];

  @ApiProperty({ type: Number, nullable: true })
  firstPage: number | null;

  @ApiProperty({ type: Number, nullable: true })
  lastPage: number | null;

  @ApiProperty({ type: String, nullable: true })
  articleNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  doi: string | null;

  @ApiProperty()
  copyrightHolder: string;

  @ApiProperty()
  copyrightYear: number;

  @ApiProperty()
  licenceUrl: string;

  @ApiProperty({ type: String, nullable: true })
  funding: string | null;

  @ApiProperty({ type: [String] })
  references: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  receivedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revisedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty()
  retracted: boolean;

  @ApiProperty({ type: [PublicNoticeResponse] })
  notices: PublicNoticeResponse[];

  @ApiProperty({ type: TocSectionRef })
  section: TocSectionRef;

  @ApiProperty({ type: PublicIssueSummaryResponse })
  issue: PublicIssueSummaryResponse;

  @ApiProperty({ type: PublicJournalRefResponse })
  journal: PublicJournalRefResponse;

  @ApiProperty({ type: [PublicGalleyResponse], description: 'The newest version’s' })
  galleys: PublicGalleyResponse[];

  @ApiProperty({ type: [PublicVersionResponse], description: 'Newest first' })
  versions: PublicVersionResponse[];
}

/** A contributor as the public sees them: the corresponding author's email only. */
function publicContributor(
  contributor: PublishedContributor,
): Partial<PublishedContributorResponse> {
  const { email, ...rest } = toPublishedContributorResponse(contributor);
  return contributor.corresponding ? { ...rest, email } : rest;
}

export function toPublicArticleResponse({
  journal,
  versions,
  issue,
  galleys,
  section,
  notices,
}: PublicArticle): PublicArticleResponse {
  const [latest] = versions;
  const galleysOf = (version: Publication) =>
    galleys
      .filter((galley) => galley.publicationId === version.id)
      .map((galley) => toPublicGalleyResponse(journal.slug, galley));
  return {
    id: latest.submissionId,
    submissionId: latest.submissionId,
    version: latest.version,
    versionNote: latest.versionNote,
    issueId: latest.issueId,
    sectionId: latest.sectionId,
    seq: latest.seq,
    locale: latest.locale,
    metadata: toPublishedMetadataResponses(latest.metadata),
    contributors: latest.contributors.map(publicContributor),
    firstPage: latest.firstPage,
    lastPage: latest.lastPage,
    articleNumber: latest.articleNumber,
    doi: latest.doi,
    copyrightHolder: latest.copyrightHolder,
    copyrightYear: latest.copyrightYear,
    licenceUrl: latest.licenceUrl,
    funding: latest.funding,
    references: latest.references,
    receivedAt: latest.receivedAt,
    revisedAt: latest.revisedAt,
    acceptedAt: latest.acceptedAt,
    publishedAt: latest.publishedAt,
    retracted: notices.some((notice) => notice.kind === 'retraction'),
    notices: notices.map(({ id, kind, texts, createdAt }) => ({
      id,
      kind,
      texts,
      publishedAt: createdAt,
    })),
    section: { id: latest.sectionId, titles: section },
    issue: toPublicIssueSummaryResponse(journal.slug, issue),
    journal: journalRef(journal),
    galleys: galleysOf(latest),
    versions: versions.map((version) => ({
      version: version.version,
      publishedAt: version.publishedAt,
      versionNote: version.versionNote,
      galleys: galleysOf(version),
    })),
  };
}
