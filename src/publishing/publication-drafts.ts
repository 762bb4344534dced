import type { Locale } from '../common/i18n/locale';
import { displayName, type PersonNames } from '../editorial/people';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';
import type { Journal } from '../journals';
import type {
  Publication,
  PublishedContributor,
  PublishedMetadata,
} from './entities/publication.entity';

/** A submission as publishing reads it (a Submission entity is one). */
export interface ArticleFacts {
  id: string;
  journalId: string;
  sectionId: string;
  submitterId: string;
  number: string | null;
  stage: SubmissionStage;
  lockVersion: number;
  locale: Locale;
  funding: string | null;
  references: string[];
  submittedAt: Date | null;
}

/** What the author and the editors recorded of a submission, read for its first record. */
export interface RecordSource {
  metadata: {
    locale: Locale;
    title: string;
    subtitle: string | null;
    abstract: string | null;
    keywords: string[];
  }[];
  /** The byline, in order. */
  contributors: {
    names: PersonNames;
    email: string;
    affiliation: string | null;
    country: string | null;
    orcid: string | null;
    corresponding: boolean;
  }[];
  revisedAt: Date | null;
  acceptedAt: Date | null;
}

/**
 * The first publication record of an accepted submission, filled from what the author and the
 * editors recorded: metadata in every language, the byline, dates of the editorial history,
 * and the journal's copyright and licence rules. Editors correct it before publishing.
 */
export function draftRecord(
  journal: Journal,
  article: Pick<
    ArticleFacts,
    'id' | 'sectionId' | 'locale' | 'funding' | 'references' | 'submittedAt'
  >,
  source: RecordSource,
): Partial<Publication> {
  return {
    submissionId: article.id,
    version: 1,
    status: 'draft',
    sectionId: article.sectionId,
    locale: article.locale,
    metadata: Object.fromEntries(
      source.metadata.map((entry): [Locale, PublishedMetadata] => [
        entry.locale,
        {
          title: entry.title,
          subtitle: entry.subtitle,
          abstract: entry.abstract,
          keywords: entry.keywords,
        },
      ]),
    ),
    contributors: source.contributors.map((contributor): PublishedContributor => ({
      names: contributor.names,
      email: contributor.email,
      affiliation: contributor.affiliation,
      country: contributor.country,
      orcid: contributor.orcid,
      corresponding: contributor.corresponding,
    })),
    copyrightHolder: copyrightHolderOf(journal, source.contributors),
    copyrightYear: new Date().getUTCFullYear(),
    licenceUrl: journal.licenceUrl,
    funding: article.funding,
    references: article.references,
    receivedAt: article.submittedAt,
    revisedAt: source.revisedAt,
    acceptedAt: source.acceptedAt,
  };
}

/** The journal's rule: the authors (named in the journal's language) or the publisher. */
function copyrightHolderOf(journal: Journal, byline: { names: PersonNames }[]): string {
  if (journal.copyrightHolderRule === 'publisher' || byline.length === 0)
    return journal.publisherName;
  return byline
    .map((contributor) => displayName(contributor.names, journal.primaryLocale))
    .join(', ');
}
