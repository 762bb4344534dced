import { isTag, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { toCitableArticle } from './citable-article';
import {
  CITATION_STYLES,
  formatCitation,
  formatCitations,
  warmCitationStyles,
} from './citation-formats';
import {
  ARABIC_ARTICLE_ID,
  FRENCH_ARTICLE_ID,
  arabicArticle,
  frenchArticle,
  sampleAddresses,
} from './sample-articles';

/*
 * citeproc compiles each style for each language once per process, up to two seconds each
 * (APA the slowest); the specs below pay it for nine pairs, and each citation after that takes
 * milliseconds.
 */

const arabic = () => toCitableArticle(arabicArticle(), sampleAddresses(ARABIC_ARTICLE_ID));
const french = () => toCitableArticle(frenchArticle(), sampleAddresses(FRENCH_ARTICLE_ID));

const TITLE_AR = 'أثر التعلم المدمج في تحصيل طلبة الجامعة: دراسة ميدانية';
const TITLE_EN =
  'The effect of blended learning on university students’ achievement: A field study';
const NBSP = '\u00A0';
// The fr-FR locale joins page ranges with a no-break hyphen.
const NB_HYPHEN = '\u2011';
const TITLE_FR = `L’évaluation formative à l’université${NBSP}: pratiques et représentations des enseignants`;

const texts = (citations: { text: string }[]) => citations.map(({ text }) => text);

describe('formatCitation', () => {
  it('cites an Arabic article in English: Latin names, the title with its translation, English terms', () => {
    expect(texts(formatCitations(arabic(), 'en'))).toEqual([
      `Benali, L., El Amrani, Y., & الإدريسي, س. (2027). ${TITLE_AR} [${TITLE_EN}]. Journal of Educational Studies, 12(2), 15–32. https://doi.org/10.32013/jes.2027.5`,
      `Benali, Leila, Youssef El Amrani, and سعاد الإدريسي. 2027. “${TITLE_AR} [${TITLE_EN}].” Journal of Educational Studies 12 (2): 15–32. https://doi.org/10.32013/jes.2027.5.`,
      `Benali L, El Amrani Y, الإدريسي س. ${TITLE_AR} [${TITLE_EN}]. J Educ Stud. 2027 Mar 15;12(2):15–32. doi:10.32013/jes.2027.5`,
    ]);
  });

  it('cites the same article in Arabic: Arabic names and journal, and the terms of Tahkim’s Arabic locale', () => {
    // Guillemets with the period outside them, and dates as day, month, year.
    expect(texts(formatCitations(arabic(), 'ar'))).toEqual([
      `بنعلي, ل., العمراني, ي., & الإدريسي, س. (2027). ${TITLE_AR}. مجلة الدراسات التربوية, 12(2), 15–32. https://doi.org/10.32013/jes.2027.5`,
      `بنعلي, ليلى, يوسف العمراني, و سعاد الإدريسي. 2027. «${TITLE_AR}». مجلة الدراسات التربوية 12 (2): 15–32. https://doi.org/10.32013/jes.2027.5.`,
      `بنعلي ل, العمراني ي, الإدريسي س. ${TITLE_AR}. م د ت. 15 مارس 2027;12(2):15–32. doi:10.32013/jes.2027.5`,
    ]);
  });

  describe('Chicago is the 17th edition (author-date)', () => {
    /** The French article by as many authors as asked, Nom1 to NomN. */
    const byAuthors = (count: number) => {
      const source = frenchArticle();
      source.versions[0].contributors = Array.from({ length: count }, (_, index) => ({
        names: { Latn: { given: 'Anne', family: `Nom${index + 1}` } },
        affiliation: null,
        orcid: null,
        corresponding: index === 0,
      }));
      return toCitableArticle(source, sampleAddresses(FRENCH_ARTICLE_ID));
    };
    const authorsOf = (citation: string) => citation.slice(0, citation.indexOf('. 2027.'));

    it('lists up to ten authors in full (the 18th edition cuts more than six to three)', () => {
      const { text } = formatCitation(byAuthors(10), 'chicago-author-date', 'en');
      expect(authorsOf(text)).toBe(
        'Nom1, Anne, Anne Nom2, Anne Nom3, Anne Nom4, Anne Nom5, Anne Nom6, Anne Nom7, Anne Nom8, Anne Nom9, and Anne Nom10',
      );
    });

    it('gives the first seven of more than ten authors, then et al., in the language of the page', () => {
      const seven = 'Nom1, Anne, Anne Nom2, Anne Nom3, Anne Nom4, Anne Nom5, Anne Nom6, Anne Nom7';
      expect(authorsOf(formatCitation(byAuthors(11), 'chicago-author-date', 'en').text)).toBe(
        `${seven}, et al`,
      );
      expect(authorsOf(formatCitation(byAuthors(11), 'chicago-author-date', 'ar').text)).toBe(
        `${seven}, وآخرون`,
      );
    });
  });

  it('cites a French article in French: accented names and initials, French quotation marks and terms', () => {
    expect(texts(formatCitations(french(), 'fr'))).toEqual([
      `Dupré, É., & Lemaître, F.-X. (2027). ${TITLE_FR}. Revue des études éducatives, 12(2), 33${NB_HYPHEN}51. https://doi.org/10.32013/jes.2027.6`,
      `Dupré, Élodie, et François-Xavier Lemaître. 2027. «${NBSP}${TITLE_FR}${NBSP}». Revue des études éducatives 12 (2): 33${NB_HYPHEN}51. https://doi.org/10.32013/jes.2027.6.`,
      `Dupré É, Lemaître FX. ${TITLE_FR}. Rev étud éduc. 15 mars 2027;12(2):33${NB_HYPHEN}51. doi:10.32013/jes.2027.6`,
    ]);
  });

  it('gives the same citation as HTML, the journal and volume in italics', () => {
    const [apa, chicago, vancouver] = formatCitations(arabic(), 'en');
    expect(apa.html).toBe(
      `Benali, L., El Amrani, Y., &amp; الإدريسي, س. (2027). ${TITLE_AR} [${TITLE_EN}]. <i>Journal of Educational Studies</i>, <i>12</i>(2), 15–32. https://doi.org/10.32013/jes.2027.5`,
    );
    expect(chicago.html).toContain('<i>Journal of Educational Studies</i> 12 (2)');
    // One citation is not a numbered list: Vancouver's "1." is dropped.
    expect(vancouver.html).toBe(vancouver.text);
    expect(vancouver.text).not.toMatch(/^1\./);
  });

  it('compiles every style in every language ahead of a first reader', () => {
    expect(() => warmCitationStyles()).not.toThrow();
  });

  it('lists the styles in the page’s order', () => {
    expect(formatCitations(french(), 'en').map(({ style }) => style)).toEqual([...CITATION_STYLES]);
    expect(CITATION_STYLES).toEqual(['apa', 'chicago-author-date', 'vancouver']);
  });

  describe('HTML safety', () => {
    const hostile = () => {
      const source = frenchArticle();
      source.versions[0].metadata = {
        fr: {
          title:
            '</script><script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:x">lien</a> <sc>Petites</sc> & "citées"',
        },
      };
      source.versions[0].contributors[0].names = {
        Latn: { given: '"><svg onload=alert(3)>', family: '<b onclick="x">Dupré</b>' },
      };
      return toCitableArticle(source, sampleAddresses(FRENCH_ARTICLE_ID));
    };

    /** Every element of a fragment, with its attributes. */
    function elements(html: string): { name: string; attributes: Record<string, string> }[] {
      const found: { name: string; attributes: Record<string, string> }[] = [];
      const walk = (nodes: ChildNode[]) => {
        for (const node of nodes)
          if (isTag(node)) {
            found.push({ name: node.name, attributes: node.attribs });
            walk(node.children);
          }
      };
      walk(parseDocument(html).children);
      return found;
    }

    it.each(CITATION_STYLES)(
      '%s keeps only inline markup without attributes but a class, and escapes everything else',
      (style) => {
        const { html, text } = formatCitation(hostile(), style, 'fr');
        for (const element of elements(html)) {
          expect(['i', 'b', 'sup', 'sub', 'span']).toContain(element.name);
          expect(Object.keys(element.attributes).filter((name) => name !== 'class')).toEqual([]);
        }
        expect(html).not.toMatch(/<(script|img|a|svg)\b/i);
        expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
        expect(html).not.toContain('style=');
        // The text is the same citation, for a page that escapes it itself.
        expect(text).toContain('</script><script>alert(1)</script>');
      },
    );

    it('turns citeproc’s inline styles into classes, since the CSP forbids style attributes', () => {
      const { html } = formatCitation(hostile(), 'apa', 'fr');
      expect(html).toContain('<span class="csl-small-caps">Petites</span>');
    });
  });
});
