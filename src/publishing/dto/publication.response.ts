import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { PersonNamesResponse } from '../../accounts';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import type { PersonNames } from '../../editorial/people';
import type { Galley } from '../entities/galley.entity';
import {
  NOTICE_KINDS,
  type NoticeKind,
  type PublicationNotice,
} from '../entities/publication-notice.entity';
import {
  PUBLICATION_STATUSES,
  type Publication,
  type PublicationStatus,
  type PublishedContributor,
  type PublishedMetadata,
} from '../entities/publication.entity';

/** `{ ar: '…', en: '…' }`: a text per language. */
export const LOCALIZED_TEXT = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** Title, subtitle, abstract and keywords in one language, as published. */
export class PublishedMetadataResponse {
  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, nullable: true, required: false })
  subtitle?: string | null;

  @ApiProperty({ type: String, nullable: true, required: false })
  abstract?: string | null;

  @ApiProperty({ type: [String], required: false })
  keywords?: string[];
}

/** A contributor as the article prints them. */
export class PublishedContributorResponse {
  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;

  @ApiProperty({ type: String, nullable: true, required: false })
  email?: string | null;

  @ApiProperty({ type: String, nullable: true, required: false })
  affiliation?: string | null;

  @ApiProperty({ type: String, nullable: true, required: false, description: 'ISO 3166-1' })
  country?: string | null;

  @ApiProperty({ type: String, nullable: true, required: false })
  orcid?: string | null;

  @ApiProperty()
  corresponding: boolean;
}

/** A contributor's fields, named one by one (the record's JSON may hold no others). */
export function toPublishedContributorResponse(
  contributor: PublishedContributor,
): PublishedContributorResponse {
  return {
    names: contributor.names,
    email: contributor.email,
    affiliation: contributor.affiliation,
    country: contributor.country,
    orcid: contributor.orcid,
    corresponding: contributor.corresponding,
  };
}

/**
 * The metadata, language by language, with its four fields named: the record's JSON keeps what
 * an editor's PATCH sent, so a field the API does not name must not come back out.
 */
export function toPublishedMetadataResponses(
  metadata: Partial<Record<Locale, PublishedMetadata>>,
): Partial<Record<Locale, PublishedMetadataResponse>> {
  return Object.fromEntries(
    Object.entries(metadata).map(([locale, entry]) => [
      locale,
      entry && {
        title: entry.title,
        subtitle: entry.subtitle,
        abstract: entry.abstract,
        keywords: entry.keywords,
      },
    ]),
  );
}

/** The metadata of a record: an entry per language the article has. */
export const METADATA_PROPERTY = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(PublishedMetadataResponse) },
  description: 'Title, subtitle, abstract and keywords per language',
} as const;

/** A file readers get (its storage key never leaves the server). */
export class GalleyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  publicationId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  issueId: string | null;

  @ApiProperty({ description: 'What readers see on the link: "PDF", "HTML"…' })
  label: string;

  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale: Locale;

  @ApiProperty({ description: 'Decided from the content' })
  mediaType: string;

  @ApiProperty()
  sha256: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty()
  originalName: string;

  @ApiProperty({ description: 'Order among its owner’s galleys' })
  seq: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The typesetting run that made it; null for an uploaded galley',
  })
  typesettingRunId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toGalleyResponse(galley: Galley): GalleyResponse {
  return {
    id: galley.id,
    publicationId: galley.publicationId,
    issueId: galley.issueId,
    label: galley.label,
    locale: galley.locale,
    mediaType: galley.mediaType,
    sha256: galley.sha256,
    size: galley.size,
    originalName: galley.originalName,
    seq: galley.seq,
    typesettingRunId: galley.typesettingRunId,
    createdAt: galley.createdAt,
  };
}

/** One version of an article's publication record. */
@ApiExtraModels(PublishedMetadataResponse)
export class PublicationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ description: '1, then one more per correction' })
  version: number;

  @ApiProperty({ enum: PUBLICATION_STATUSES })
  status: PublicationStatus;

  @ApiProperty({ type: String, nullable: true, description: 'What a correction changed' })
  versionNote: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  issueId: string | null;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ description: 'Order within its section in the issue' })
  seq: number;

  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The language the article is written in' })
  locale: Locale;

  @ApiProperty(METADATA_PROPERTY)
  metadata: Partial<Record<Locale, PublishedMetadataResponse>>;

  @ApiProperty({ type: [PublishedContributorResponse] })
  contributors: PublishedContributorResponse[];

  @ApiProperty({ type: Number, nullable: true })
  firstPage: number | null;

  @ApiProperty({ type: Number, nullable: true })
  lastPage: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'e-locator' })
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

  @ApiProperty({ description: 'Send it back with a correction (409 if it moved)' })
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

function toPublicationResponse(record: Publication): PublicationResponse {
  return {
    id: record.id,
    submissionId: record.submissionId,
    version: record.version,
    status: record.status,
    versionNote: record.versionNote,
    issueId: record.issueId,
    sectionId: record.sectionId,
    seq: record.seq,
    locale: record.locale,
    metadata: toPublishedMetadataResponses(record.metadata),
    contributors: record.contributors.map(toPublishedContributorResponse),
    firstPage: record.firstPage,
    lastPage: record.lastPage,
    articleNumber: record.articleNumber,
    doi: record.doi,
    copyrightHolder: record.copyrightHolder,
    copyrightYear: record.copyrightYear,
    licenceUrl: record.licenceUrl,
    funding: record.funding,
    references: record.references,
    receivedAt: record.receivedAt,
    revisedAt: record.revisedAt,
    acceptedAt: record.acceptedAt,
    publishedAt: record.publishedAt,
    lockVersion: record.lockVersion,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** A version of an article's record with its galleys (in an issue's table of contents). */
export class PublicationWithGalleysResponse extends PublicationResponse {
  @ApiProperty({ type: [GalleyResponse] })
  galleys: GalleyResponse[];
}

export function toPublicationWithGalleysResponse(
  record: Publication & { galleys: Galley[] },
): PublicationWithGalleysResponse {
  return { ...toPublicationResponse(record), galleys: record.galleys.map(toGalleyResponse) };
}

/** A version of an article's record as its editors prepare it. */
export class PublicationRecordResponse extends PublicationWithGalleysResponse {
  @ApiProperty({
    type: [String],
    description: 'What it lacks before it can be published (empty once published)',
  })
  missing: string[];
}

export function toPublicationRecordResponse(
  record: Publication & { galleys: Galley[]; missing: string[] },
): PublicationRecordResponse {
  return { ...toPublicationWithGalleysResponse(record), missing: record.missing };
}

/** An erratum, expression of concern or retraction. */
export class NoticeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ enum: NOTICE_KINDS })
  kind: NoticeKind;

  @ApiProperty({ ...LOCALIZED_TEXT, description: 'The notice in the journal’s languages' })
  texts: LocalizedText;

  @ApiProperty({ format: 'uuid' })
  createdById: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toNoticeResponse(notice: PublicationNotice): NoticeResponse {
  return {
    id: notice.id,
    submissionId: notice.submissionId,
    kind: notice.kind,
    texts: notice.texts,
    createdById: notice.createdById,
    createdAt: notice.createdAt,
  };
}
