import { Injectable } from '@nestjs/common';
import { AnnouncementsService } from '../../announcements';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import type { PersonNames } from '../../editorial/people';
import { type BoardMember, type Journal, JournalsLookup, type ReviewPolicy } from '../../journals';
import { identifyIssueIn, type Issue, PublicCatalogue, type PublicIssue } from '../../publishing';
import { type AnnouncementView, HOME_ANNOUNCEMENTS, toAnnouncementView } from './announcement-view';
import { licenceOf, type LicenceView } from './licences';

/** A journal as its public pages show it. */
export interface JournalView {
  slug: string;
  titles: LocalizedText;
  abbreviations: LocalizedText;
  descriptions: LocalizedText;
  primaryLocale: Locale;
  /** The languages it publishes in, its primary one first. */
  languages: Locale[];
  onlineIssn: string | null;
  printIssn: string | null;
  publisher: { name: string; place: string | null };
}

type Galley = PublicIssue['galleys'][number];

/** A published file, downloadable without signing in. */
export interface GalleyView {
  label: string;
  locale: Locale;
  mediaType: string;
  size: number;
  url: string;
}

/** An article in an issue's contents. */
export interface TocArticleView {
  /** The article (its submission): its page is /{locale}/j/{slug}/articles/{id}. */
  id: string;
  locale: Locale;
  titles: LocalizedText;
  authors: PersonNames[];
  firstPage: number | null;
  lastPage: number | null;
  articleNumber: string | null;
  doi: string | null;
  retracted: boolean;
  galleys: GalleyView[];
}

export interface IssueView {
  id: string;
  volume: number;
  number: number;
  year: number;
  special: boolean;
  /** How the issue is named, in each language: «المجلد 1، العدد 1 (2026)». */
  identification: LocalizedText;
  titles: LocalizedText;
  descriptions: LocalizedText;
  publishedAt: Date | null;
  coverUrl: string | null;
  sections: { titles: LocalizedText; articles: TocArticleView[] }[];
  galleys: GalleyView[];
}

export interface JournalHomeView {
  journal: JournalView;
  /** The current issue with its contents; null before the first issue is published. */
  current: IssueView | null;
  /** The latest announcements published and not expired, newest first. */
  announcements: AnnouncementView[];
}

export interface JournalAboutView {
  journal: JournalView;
  focusAndScope: LocalizedText | null;
  review: { policy: ReviewPolicy; minReviews: number; dueDays: number };
  openAccess: LocalizedText | null;
  copyright: { holder: 'authors' | 'publisher'; licence: LicenceView };
  authorGuidelines: LocalizedText | null;
  checklist: LocalizedText[];
  /** Languages every submission gives its title and abstract in, besides its own. */
  abstractLocales: Locale[];
  ethics: LocalizedText | null;
  privacy: LocalizedText | null;
  contactEmail: string | null;
}

export interface BoardMemberView {
  names: LocalizedText;
  roleTitles: LocalizedText;
  affiliations: LocalizedText;
  orcid: string | null;
}

export interface JournalBoardView {
  journal: JournalView;
  members: BoardMemberView[];
}

/** A text that says something in at least one language, or null. */
const said = (text: LocalizedText | null | undefined): LocalizedText | null =>
  text && Object.values(text).some((value) => value?.trim()) ? text : null;

export function toJournalView(journal: Journal): JournalView {
  return {
    slug: journal.slug,
    titles: journal.titles,
    abbreviations: journal.abbreviations,
    descriptions: journal.descriptions,
    primaryLocale: journal.primaryLocale,
    languages: [
      journal.primaryLocale,
      ...journal.additionalLocales.filter((locale) => locale !== journal.primaryLocale),
    ],
    onlineIssn: journal.onlineIssn,
    printIssn: journal.printIssn,
    publisher: { name: journal.publisherName, place: journal.publisherPlace },
  };
}

/** The public address of a galley (the public API's, until galleys have pages of their own). */
function toGalleyView(slug: string, galley: Galley): GalleyView {
  return {
    label: galley.label,
    locale: galley.locale,
    mediaType: galley.mediaType,
    size: galley.size,
    url: `/api/public/journals/${encodeURIComponent(slug)}/galleys/${galley.id}/content`,
  };
}

function toIssueView({ journal, issue, toc, galleys, retracted }: PublicIssue): IssueView {
  return {
    ...issueSummary(journal.slug, issue),
    sections: toc.map(({ section, articles }) => ({
      titles: section.titles,
      articles: articles.map((record) => ({
        id: record.submissionId,
        locale: record.locale,
        titles: Object.fromEntries(
          Object.entries(record.metadata)
            .filter(([, entry]) => entry?.title)
            .map(([locale, entry]) => [locale, entry!.title]),
        ) as LocalizedText,
        authors: record.contributors.map((contributor) => contributor.names),
        firstPage: record.firstPage,
        lastPage: record.lastPage,
        articleNumber: record.articleNumber,
        doi: record.doi,
        retracted: retracted.has(record.submissionId),
        galleys: record.galleys.map((galley) => toGalleyView(journal.slug, galley)),
      })),
    })),
    galleys: galleys.map((galley) => toGalleyView(journal.slug, galley)),
  };
}

function issueSummary(slug: string, issue: Issue): Omit<IssueView, 'sections' | 'galleys'> {
  return {
    id: issue.id,
    volume: issue.volume,
    number: issue.number,
    year: issue.year,
    special: issue.special,
    identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
    titles: issue.titles,
    descriptions: issue.descriptions,
    publishedAt: issue.publishedAt,
    coverUrl: issue.coverImageKey
      ? `/api/public/journals/${encodeURIComponent(slug)}/issues/${issue.id}/cover`
      : null,
  };
}

function toBoardMemberView(member: BoardMember): BoardMemberView {
  return {
    names: member.names,
    roleTitles: member.roleTitles,
    affiliations: member.affiliations,
    orcid: member.orcid ? normalizeOrcid(member.orcid) : null,
  };
}

/**
 * What the public pages of the installation and of each journal show, read from the public
 * catalogue: published issues only, never a draft. An unknown journal is a 404.
 */
@Injectable()
export class PublicSite {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly catalogue: PublicCatalogue,
    private readonly announcements: AnnouncementsService,
  ) {}

  /** The installation's home: its journals. */
  async installation(): Promise<{ journals: JournalView[] }> {
    return { journals: (await this.journals.list()).map(toJournalView) };
  }

  /** A journal's home: what it is, its current issue with the contents, its announcements. */
  async journalHome(slug: string): Promise<JournalHomeView> {
    const { journal, current } = await this.catalogue.journal(slug);
    const [issue, announcements] = await Promise.all([
      current ? this.catalogue.issue(journal.slug, current.id) : null,
      this.announcements.latestForHome(journal.id, new Date(), HOME_ANNOUNCEMENTS),
    ]);
    return {
      journal: toJournalView(journal),
      current: issue ? toIssueView(issue) : null,
      announcements: announcements.map(toAnnouncementView),
    };
  }

  /** A journal's policies, from its settings. */
  async journalAbout(slug: string): Promise<JournalAboutView> {
    const { journal } = await this.catalogue.journal(slug);
    return {
      journal: toJournalView(journal),
      focusAndScope: said(journal.focusAndScope),
      review: {
        policy: journal.reviewPolicy,
        minReviews: journal.minReviewsPerRound,
        dueDays: journal.reviewDueDays,
      },
      openAccess: said(journal.openAccessStatements),
      copyright: { holder: journal.copyrightHolderRule, licence: licenceOf(journal.licenceUrl) },
      authorGuidelines: said(journal.authorGuidelines),
      checklist: journal.submissionChecklist.map((item) => item.text).filter((text) => said(text)),
      abstractLocales: journal.requiredAbstractLocales,
      ethics: said(journal.publicationEthics),
      privacy: said(journal.privacyStatements),
      contactEmail: journal.contactEmail,
    };
  }

  /** A journal's editorial board, in masthead order. */
  async journalBoard(slug: string): Promise<JournalBoardView> {
    const { journal, board } = await this.catalogue.journal(slug);
    return { journal: toJournalView(journal), members: board.map(toBoardMemberView) };
  }
}
