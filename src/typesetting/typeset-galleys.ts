import type { Journal } from '../journals';
import type { Issue, Publication, TypesetGalley } from '../publishing';
import type { TypesettingOutput } from './entities/typesetting-run.entity';

/** The galleys typesetting makes for each article, with the labels readers see. */
const ARTICLE_GALLEYS: { kind: TypesettingOutput['kind']; label: string; file: string }[] = [
  { kind: 'article-pdf', label: 'PDF', file: 'article.pdf' },
  { kind: 'article-html', label: 'HTML', file: 'article.html' },
  { kind: 'article-jats', label: 'JATS XML', file: 'article.xml' },
];

/**
 * The galleys of an issue's typesetting run: the issue's PDF, and each article's PDF, HTML and
 * JATS (a supplied PDF has only its PDF). Typeset galleys come first in their owner's order;
 * uploaded ones keep theirs after them.
 */
export function typesetGalleys(
  runId: string,
  journal: Pick<Journal, 'slug' | 'primaryLocale'>,
  issue: Pick<Issue, 'id' | 'volume' | 'number'>,
  outputs: TypesettingOutput[],
  publications: Pick<Publication, 'id' | 'locale'>[],
): TypesetGalley[] {
  const issuePdf = outputs.find((output) => output.kind === 'issue-pdf')!;
  const rows: TypesetGalley[] = [
    {
      issueId: issue.id,
      publicationId: null,
      label: 'PDF',
      locale: journal.primaryLocale,
      mediaType: issuePdf.mediaType,
      storageKey: issuePdf.storageKey,
      sha256: issuePdf.sha256,
      size: issuePdf.size,
      originalName: `${journal.slug}-${issue.volume}-${issue.number}.pdf`,
      seq: 0,
      typesettingRunId: runId,
    },
  ];
  for (const publication of publications)
    ARTICLE_GALLEYS.forEach((galley, seq) => {
      const output = outputs.find(
        (candidate) => candidate.kind === galley.kind && candidate.publicationId === publication.id,
      );
      if (!output) return;
      rows.push({
        publicationId: publication.id,
        issueId: null,
        label: galley.label,
        locale: publication.locale,
        mediaType: output.mediaType,
        storageKey: output.storageKey,
        sha256: output.sha256,
        size: output.size,
        originalName: galley.file,
        seq: seq - ARTICLE_GALLEYS.length,
        typesettingRunId: runId,
      });
    });
  return rows;
}
