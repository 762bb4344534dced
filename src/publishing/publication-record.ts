import type { EntityManager } from 'typeorm';
import { displayName } from '../accounts/user.entity';
import type { Locale } from '../common/i18n/locale';
import { renderDoiSuffix } from '../common/identifiers/doi';
import type { Journal } from '../journals/journal.entity';
import { Contributor } from '../submissions/entities/contributor.entity';
import { SubmissionMetadata } from '../submissions/entities/submission-metadata.entity';
import type { Submission } from '../submissions/entities/submission.entity';
import { DoiAssignment } from './entities/doi-assignment.entity';
import type { Issue } from './entities/issue.entity';
import type { PublishedContributor, PublishedMetadata } from './entities/publication.entity';
import { Publication } from './entities/publication.entity';
import { problem } from '../reviews/review-problems';

/**
 * The first publication record of an accepted submission, filled from what the author and the
 * editors recorded: metadata in every language, the byline, dates of the editorial history,
 * and the journal's copyright and licence rules. Editors correct it before publishing.
 */
export async function draftPublication(
  manager: EntityManager,
  journal: Journal,
  submission: Submission,
): Promise<Publication> {
  const [metadata, contributors, dates]: [
    SubmissionMetadata[],
    Contributor[],
    { revised_at: Date | null; accepted_at: Date | null }[],
  ] = await Promise.all([
    manager.findBy(SubmissionMetadata, { submissionId: submission.id }),
    manager.find(Contributor, { where: { submissionId: submission.id }, order: { seq: 'ASC' } }),
    manager.query(
      `SELECT (SELECT max(revised_at) FROM review_rounds WHERE submission_id = $1) AS revised_at,
              (SELECT min(created_at) FROM decisions WHERE submission_id = $1 AND kind = 'accept') AS accepted_at`,
      [submission.id],
    ),
  ]);
  const byline = contributors.filter((contributor) => contributor.inByline);
  const year = new Date().getUTCFullYear();
  return manager.create(Publication, {
    submissionId: submission.id,
    version: 1,
    status: 'draft',
    sectionId: submission.sectionId,
    locale: submission.locale,
    metadata: Object.fromEntries(
      metadata.map((entry): [Locale, PublishedMetadata] => [
        entry.locale,
        {
          title: entry.title,
          subtitle: entry.subtitle,
          abstract: entry.abstract,
          keywords: entry.keywords,
        },
      ]),
    ),
    contributors: byline.map((contributor): PublishedContributor => ({
      names: contributor.names,
      email: contributor.email,
      affiliation: contributor.affiliation,
      country: contributor.country,
      orcid: contributor.orcid,
      corresponding: contributor.corresponding,
    })),
    copyrightHolder: copyrightHolderOf(journal, byline),
    copyrightYear: year,
    licenceUrl: journal.licenceUrl,
    funding: submission.funding,
    references: submission.references,
    receivedAt: submission.submittedAt,
    revisedAt: dates[0]?.revised_at ?? null,
    acceptedAt: dates[0]?.accepted_at ?? null,
  });
}

/** The journal's rule: the authors (named in the journal's language) or the publisher. */
function copyrightHolderOf(journal: Journal, byline: Contributor[]): string {
  if (journal.copyrightHolderRule === 'publisher' || byline.length === 0)
    return journal.publisherName;
  return byline
    .map((contributor) => displayName(contributor.names, journal.primaryLocale))
    .join(', ');
}

/**
 * Mints the article's DOI from the journal's prefix and suffix pattern, once: the DOI stays
 * with the article for good, across versions, and is never given to another. 409 when the
 * pattern renders a DOI that exists already (a pattern without enough to tell articles apart).
 */
export async function mintDoi(
  manager: EntityManager,
  journal: Journal,
  submission: Submission,
  issue: Issue | null,
): Promise<string | null> {
  const existing = await manager.findOneBy(DoiAssignment, { submissionId: submission.id });
  if (existing) return existing.doi;
  if (!journal.doiPrefix) return null;
  // One minting at a time per journal: the article ordinal below must not be taken twice.
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`doi:${journal.id}`]);
  // {article}: the article's ordinal among the journal's DOIs, which are never deleted.
  const article = (await manager.countBy(DoiAssignment, { journalId: journal.id })) + 1;
  let suffix: string;
  try {
    suffix = renderDoiSuffix(journal.doiSuffixPattern, {
      journal: journal.slug,
      year: issue?.year ?? new Date().getUTCFullYear(),
      volume: issue?.volume,
      issue: issue?.number,
      article,
      submission: submission.number ?? undefined,
    });
  } catch (error) {
    throw problem(422, 'doi-pattern', `No DOI can be made: ${(error as Error).message}`);
  }
  const doi = `${journal.doiPrefix}/${suffix}`;
  const taken: unknown[] = await manager.query(
    `SELECT 1 FROM doi_assignments WHERE lower(doi) = lower($1)`,
    [doi],
  );
  if (taken.length)
    throw problem(
      409,
      'doi-collision',
      `The DOI pattern gives ${doi}, which another article already has: change the journal's DOI suffix pattern`,
    );
  await manager.insert(DoiAssignment, { doi, submissionId: submission.id, journalId: journal.id });
  return doi;
}
