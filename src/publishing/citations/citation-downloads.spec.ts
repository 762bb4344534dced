import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { toCitableArticle } from './citable-article';
import { citationDownload, type CitationDownloadFormat } from './citation-downloads';
import {
  ARABIC_ARTICLE_ID,
  FRENCH_ARTICLE_ID,
  arabicArticle,
  frenchArticle,
  sampleAddresses,
} from './sample-articles';

const arabic = () => toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID));
const french = () => toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID));

const FORMATS: CitationDownloadFormat[] = ['bibtex', 'ris', 'csl-json'];

/** A parsed name as one string, whichever way the format split it. */
function nameOf(name: Record<string, string>): string {
  return (
    name.literal ??
    [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  );
}

/** What a reference manager would read back from the file. */
function readBack(content: string) {
  const items = new Cite(content).data;
  expect(items).toHaveLength(1);
  const [item] = items as Record<string, unknown>[];
  return {
    title: item.title,
    authors: (item.author as Record<string, string>[]).map(nameOf),
    DOI: item.DOI,
    volume: item.volume,
    issue: item.issue,
    page: item.page,
    journal: item['container-title'],
  };
}

describe('citationDownload', () => {
  it.each(FORMATS)('gives %s with its media type and a file name of its own', (format) => {
    const download = citationDownload(arabic(), format, 'en');
    expect({ ...download, content: undefined }).toEqual({
      format,
      ...{
        bibtex: { mediaType: 'application/x-bibtex', fileName: 'benali2027.bib' },
        ris: { mediaType: 'application/x-research-info-systems', fileName: 'benali2027.ris' },
        'csl-json': {
          mediaType: 'application/vnd.citationstyles.csl+json',
          fileName: 'benali2027.json',
        },
      }[format],
      content: undefined,
    });
  });

  it.each(FORMATS)(
    '%s of an Arabic article reads back with its Arabic letters, authors, DOI, volume, issue and pages',
    (format) => {
      expect(readBack(citationDownload(arabic(), format, 'ar').content)).toEqual({
        title: 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية',
        authors: ['ليلى بنعلي', 'يوسف العمراني', 'سعاد الإدريسي'],
        DOI: '10.32013/jes.2027.5',
        volume: '12',
        issue: '2',
        page: '15-32',
        journal: 'مجلة الدراسات التربوية',
      });
    },
  );

  it.each(FORMATS)('%s of a French article reads back with its accents', (format) => {
    expect(readBack(citationDownload(french(), format, 'fr').content)).toEqual({
      title:
        'L’évaluation formative à l’université\u00A0: pratiques et représentations des enseignants',
      authors: ['Élodie Dupré', 'François-Xavier Lemaître'],
      DOI: '10.32013/jes.2027.6',
      volume: '12',
      issue: '2',
      page: '33-51',
      journal: 'Revue des études éducatives',
    });
  });

  it('writes BibTeX in UTF-8 rather than dropping the letters LaTeX has no command for', () => {
    const { content } = citationDownload(arabic(), 'bibtex', 'ar');
    expect(content).toContain('author = {بنعلي, ليلى and العمراني, يوسف and الإدريسي, سعاد}');
    expect(content).toContain('journal = {مجلة الدراسات التربوية}');
  });

  it('escapes LaTeX’s special characters, so a title with braces or a % reads back whole', () => {
    const source = frenchArticle();
    const title = 'Coûts } et { bénéfices : 50 % des cas, $x$ & y_1 #2 ~ ^ \\ fin';
    source.versions[0].metadata = { fr: { title } };
    const article = toCitableArticle(source, sampleAddresses(FRENCH_ARTICLE_ID));
    const { content } = citationDownload(article, 'bibtex', 'fr');
    expect(content).toContain('\\}');
    expect(readBack(content).title).toBe(title);
    expect(readBack(citationDownload(article, 'ris', 'fr').content).title).toBe(title);
  });

  it('leaves the plugin’s ASCII setting as it found it', async () => {
    const { plugins } = await import('@citation-js/core');
    const config = plugins.config.get('@bibtex').format;
    expect(config.asciiOnly).toBe(true);
    citationDownload(arabic(), 'bibtex', 'ar');
    expect(config.asciiOnly).toBe(true);
  });

  it('writes each RIS field on one line, however long, with its keywords one per KW line', () => {
    const { content } = citationDownload(arabic(), 'ris', 'en');
    const lines = content.split('\r\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines.at(-2)).toBe('ER  - ');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(
      `UR  - https://journals.example.org/en/j/jes/articles/${ARABIC_ARTICLE_ID}`,
    );
    expect(lines.filter((line) => line.startsWith('KW  - '))).toEqual([
      'KW  - blended learning',
      'KW  - academic achievement',
    ]);
  });

  it('gives CSL-JSON as the item the styles are made from', () => {
    const [item] = JSON.parse(citationDownload(arabic(), 'csl-json', 'en').content) as Record<
      string,
      unknown
    >[];
    expect(item).toMatchObject({ type: 'article-journal', language: 'ar', ISSN: '2737-8128' });
  });
});
