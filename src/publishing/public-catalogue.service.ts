import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { BoardMember } from '../journals/board-member.entity';
import type { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { Galley } from './entities/galley.entity';
import { Issue } from './entities/issue.entity';
import { PublicationNotice } from './entities/publication-notice.entity';
import { Publication, type PublishedContributor } from './entities/publication.entity';
import { identifyIssueIn } from './issue-identification';
import { tableOfContents } from './issues.service';

/** A contributor as the public sees them: the corresponding author's email only. */
function publicContributor(contributor: PublishedContributor) {
  const { email, ...rest } = contributor;
  return contributor.corresponding ? { ...rest, email } : rest;
}

function publicGalley(slug: string, galley: Galley) {
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
function issueSummary(issue: Issue, slug: string) {
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

/**
 * The journal's public record for readers and indexers: published issues and articles only,
 * never a draft, an editor's note or a reviewer. Everything here can be cached.
 */
@Injectable()
export class PublicCatalogue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async journal(journal: Journal) {
    const [board, current] = await Promise.all([
      this.dataSource
        .getRepository(BoardMember)
        .find({ where: { journalId: journal.id }, order: { seq: 'ASC' } }),
      this.dataSource
        .getRepository(Issue)
        .findOneBy({ journalId: journal.id, isCurrent: true, status: 'published' }),
    ]);
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
      board: board.map((member) => ({
        names: member.names,
        roleTitles: member.roleTitles,
        affiliations: member.affiliations,
      })),
      currentIssue: current ? issueSummary(current, journal.slug) : null,
    };
  }

  /** The archive: published issues, newest first, the current one marked. */
  async issues(journal: Journal) {
    const issues = await this.dataSource.getRepository(Issue).find({
      where: { journalId: journal.id, status: 'published' },
      order: { year: 'DESC', volume: 'DESC', number: 'DESC' },
    });
    return issues.map((issue) => issueSummary(issue, journal.slug));
  }

  /** A published issue: its table of contents by section, and its own galleys. */
  async issue(journal: Journal, id: string) {
    const issue = await this.dataSource
      .getRepository(Issue)
      .findOneBy({ id, journalId: journal.id, status: 'published' });
    if (!issue) throw problem(404, 'not-found', 'There is no such published issue');
    const [toc, galleys, retracted] = await Promise.all([
      tableOfContents(this.dataSource.manager, issue, true),
      this.dataSource
        .getRepository(Galley)
        .find({ where: { issueId: issue.id }, order: { seq: 'ASC' } }),
      this.dataSource.query<{ submission_id: string }[]>(
        `SELECT n.submission_id FROM publication_notices n JOIN publications p ON p.submission_id = n.submission_id
          WHERE p.issue_id = $1 AND n.kind = 'retraction'`,
        [issue.id],
      ),
    ]);
    const retractedIds = new Set(retracted.map((row) => row.submission_id));
    return {
      ...issueSummary(issue, journal.slug),
      journal: {
        slug: journal.slug,
        titles: journal.titles,
        onlineIssn: journal.onlineIssn,
        printIssn: journal.printIssn,
        publisher: journal.publisherName,
      },
      sections: toc.map(({ section, articles }) => ({
        section,
        articles: articles.map((record) => ({
          id: record.submissionId,
          version: record.version,
          locale: record.locale,
          titles: Object.fromEntries(
            Object.entries(record.metadata).map(([locale, entry]) => [locale, entry?.title]),
          ),
          authors: record.contributors.map((contributor) => ({
            names: contributor.names,
            orcid: contributor.orcid ?? null,
          })),
          firstPage: record.firstPage,
          lastPage: record.lastPage,
          articleNumber: record.articleNumber,
          doi: record.doi,
          retracted: retractedIds.has(record.submissionId),
          galleys: record.galleys.map((galley) => publicGalley(journal.slug, galley)),
        })),
      })),
      galleys: galleys.map((galley) => publicGalley(journal.slug, galley)),
    };
  }

  /** A published article: the newest published version in full, and every published version. */
  async article(journal: Journal, submissionId: string) {
    const versions = await this.dataSource
      .getRepository(Publication)
      .createQueryBuilder('publication')
      .innerJoin('publication.issue', 'issue')
      .where('publication.submission_id = :submissionId', { submissionId })
      .andWhere(
        `publication.status = 'published' AND issue.journal_id = :journalId AND issue.status = 'published'`,
        {
          journalId: journal.id,
        },
      )
      .orderBy('publication.version', 'DESC')
      .getMany();
    if (versions.length === 0)
      throw problem(404, 'not-found', 'There is no such published article');
    const [latest] = versions;
    const [issue, galleys, section, notices] = await Promise.all([
      this.dataSource.getRepository(Issue).findOneByOrFail({ id: latest.issueId! }),
      this.dataSource.getRepository(Galley).find({
        where: { publicationId: In(versions.map((version) => version.id)) },
        order: { seq: 'ASC' },
      }),
      this.dataSource.query('SELECT titles FROM sections WHERE id = $1', [latest.sectionId]),
      this.dataSource
        .getRepository(PublicationNotice)
        .find({ where: { submissionId }, order: { createdAt: 'ASC' } }),
    ]);
    const {
      id: _id,
      lockVersion: _l,
      updatedAt: _u,
      createdAt: _c,
      status: _s,
      ...metadata
    } = latest;
    return {
      id: submissionId,
      ...metadata,
      contributors: latest.contributors.map(publicContributor),
      retracted: notices.some((notice) => notice.kind === 'retraction'),
      notices: notices.map(({ id, kind, texts, createdAt }) => ({
        id,
        kind,
        texts,
        publishedAt: createdAt,
      })),
      section: { id: latest.sectionId, titles: section[0]?.titles ?? {} },
      issue: issueSummary(issue, journal.slug),
      journal: {
        slug: journal.slug,
        titles: journal.titles,
        onlineIssn: journal.onlineIssn,
        printIssn: journal.printIssn,
        publisher: journal.publisherName,
      },
      galleys: galleys
        .filter((galley) => galley.publicationId === latest.id)
        .map((galley) => publicGalley(journal.slug, galley)),
      versions: versions.map((version) => ({
        version: version.version,
        publishedAt: version.publishedAt,
        versionNote: version.versionNote,
        galleys: galleys
          .filter((galley) => galley.publicationId === version.id)
          .map((galley) => publicGalley(journal.slug, galley)),
      })),
    };
  }

  /** A published issue's cover image. */
  async cover(journal: Journal, id: string): Promise<Issue> {
    const issue = await this.dataSource
      .getRepository(Issue)
      .findOneBy({ id, journalId: journal.id, status: 'published' });
    if (!issue?.coverImageKey) throw problem(404, 'not-found', 'This issue has no public cover');
    return issue;
  }

  /** A galley of something published, for download without signing in. */
  async galley(journal: Journal, galleyId: string): Promise<Galley> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT g.id FROM galleys g
         LEFT JOIN publications p ON p.id = g.publication_id
         JOIN issues i ON i.id = COALESCE(g.issue_id, p.issue_id)
        WHERE g.id = $1 AND i.journal_id = $2 AND i.status = 'published'
          AND (g.issue_id IS NOT NULL OR p.status = 'published')`,
      [galleyId, journal.id],
    );
    if (rows.length === 0) throw problem(404, 'not-found', 'There is no such published file');
    return this.dataSource.getRepository(Galley).findOneByOrFail({ id: galleyId });
  }
}
