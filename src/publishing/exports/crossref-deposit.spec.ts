import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishedContributor } from '../entities/publication.entity';
import { CROSSREF_5_4_0_XSD } from '../../../test/support/standards';
import { buildCrossrefDeposit, type CrossrefDepositInput } from './crossref-deposit';

// From the project root (jest's cwd), as the shared standards README says.
const SCHEMA = CROSSREF_5_4_0_XSD;
const XMLLINT_MISSING = 'xmllint not found: apt-get install libxml2-utils';

const FRENCH_TITLE = `L'engagement « bénévole » & la "société civile" : quand <b> n'est pas une balise`;

const carberry: PublishedContributor = {
  names: {
    Latn: { given: 'Josiah', family: 'Carberry' },
    Arab: { given: 'يوشيا', family: 'كاربري' },
  },
  affiliation: 'Brown University',
  country: 'US',
  // Stored bare, with a lower-case-free check digit: deposited as the https URL.
  orcid: '0000-0002-1825-0097',
  corresponding: true,
};
const arabicOnly: PublishedContributor = {
  names: { Arab: { given: 'سارة', family: 'العلي' } },
  affiliation: 'جامعة المثال، قسم الخدمة الاجتماعية',
  corresponding: false,
};
const mononym: PublishedContributor = {
  names: { Latn: { given: 'Sukarno' } },
  corresponding: false,
};

function input(): CrossrefDepositInput {
  const published = new Date('2027-01-15T09:30:00Z');
  return {
    batchId: 'tahkim-0f3a9c2e-1800000000000',
    timestamp: 1800000000000,
    depositor: { name: 'Tahkim Journal Publishing', email: 'crossref@tahkim.example.org' },
    registrant: 'Tahkim Journal Publishing',
    journal: {
      titles: { ar: 'مجلة العمل التطوعي المحكّمة', en: 'Peer-Reviewed Journal of Volunteer Work' },
      abbreviations: { en: 'Peer-Rev. J. Volunt. Work' },
      primaryLocale: 'ar',
      onlineIssn: '2958-1427',
      printIssn: '2434-561x',
      doiPrefix: '10.32013',
    },
    issue: {
      volume: 1,
      number: 2,
      year: 2027,
      titles: { ar: 'التطوع والمدينة', en: 'Volunteering and the city' },
      publishedAt: published,
      special: true,
    },
    articles: [
      {
        publication: {
          locale: 'ar',
          metadata: {
            ar: {
              title: 'أثر العمل التطوعي في تعزيز المسؤولية المجتمعية لدى طلبة الجامعات',
              abstract:
                'تهدف هذه الدراسة إلى قياس أثر التطوع.\n\nوأظهرت النتائج علاقة إيجابية بين ساعات التطوع والمسؤولية.',
            },
            en: {
              title:
                'The effect of volunteering on social responsibility among university students',
              subtitle: 'A descriptive study',
              abstract: 'This study measures how volunteering affects social responsibility.',
            },
          },
          contributors: [arabicOnly, carberry],
          firstPage: 1,
          lastPage: 18,
          articleNumber: null,
          doi: '10.32013/jvw.2027.1',
          licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
          publishedAt: published,
          references: [
            'العلي، سارة. العمل التطوعي في المجتمعات العربية. عمّان: دار المثال، 2020.',
            'Smith, J. & Jones, K. (2019). Volunteers <and> their motives. Journal of Civil Society, 15(2), 1–20.',
            '   ',
          ],
          funding: 'Funded by the Example Research Council & the Volunteer Fund, grant 123.',
          version: 1,
        },
        resourceUrl: 'https://tahkim.example.org/journals/jvw/articles/1?lang=ar&view=full',
        fullTextUrls: [
          {
            url: 'https://tahkim.example.org/api/public/journals/jvw/galleys/a1/content',
            mediaType: 'application/pdf',
          },
        ],
      },
      {
        publication: {
          locale: 'en',
          metadata: {
            en: {
              title: 'Measuring volunteer retention in community organisations',
              abstract: 'A mixed-methods study\r\n\r\nof volunteer retention.\u0007',
            },
          },
          contributors: [carberry, mononym],
          firstPage: null,
          lastPage: null,
          articleNumber: 'e1027',
          doi: '10.32013/jvw.2027.2',
          licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
          publishedAt: new Date('2027-01-20T23:59:00Z'),
          references: ['Carberry, J. (2008). Toward a unified theory of high-energy metaphysics.'],
          funding: null,
          version: 2,
        },
        resourceUrl: 'https://tahkim.example.org/journals/jvw/articles/2',
        fullTextUrls: [
          {
            url: 'https://tahkim.example.org/api/public/journals/jvw/galleys/b2/content',
            mediaType: 'application/x-unknown-format',
          },
          {
            url: 'https://tahkim.example.org/api/public/journals/jvw/galleys/b1/content',
            mediaType: 'Application/PDF',
          },
        ],
      },
      {
        publication: {
          locale: 'fr',
          metadata: { fr: { title: FRENCH_TITLE, abstract: null } },
          contributors: [
            {
              names: { Latn: { given: 'Élise', family: "d'Arcy" } },
              affiliation: 'Université Paris Cité',
              orcid: '0000-0002-1825-0098', // wrong check digit: left out
              corresponding: true,
            },
          ],
          firstPage: 19,
          lastPage: 34,
          articleNumber: null,
          doi: '10.32013/jvw.2027.3',
          licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
          publishedAt: null, // falls back to the issue's date
          references: [],
          funding: null,
          version: 1,
        },
        resourceUrl: 'https://tahkim.example.org/journals/jvw/articles/3',
      },
    ],
  };
}

/** The XML of one journal_article (1-based), for assertions about that article alone. */
function articleXml(xml: string, index: number): string {
  const articles = xml.split('<journal_article ').slice(1);
  return articles[index - 1].split('</journal_article>')[0];
}

describe('buildCrossrefDeposit', () => {
  const xml = buildCrossrefDeposit(input());

  it('writes the head and the journal and issue metadata', () => {
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<doi_batch version="5.4.0"'),
    ).toBe(true);
    expect(xml).toContain('<doi_batch_id>tahkim-0f3a9c2e-1800000000000</doi_batch_id>');
    expect(xml).toContain('<timestamp>1800000000000</timestamp>');
    expect(xml).toContain('<journal_metadata language="ar">');
    // The primary language's title first, then the others; ISSNs normalised.
    expect(xml.indexOf('<full_title>مجلة العمل التطوعي المحكّمة</full_title>')).toBeLessThan(
      xml.indexOf('<full_title>Peer-Reviewed Journal of Volunteer Work</full_title>'),
    );
    expect(xml).toContain('<issn media_type="electronic">2958-1427</issn>');
    expect(xml).toContain('<issn media_type="print">2434-561X</issn>');
    expect(xml).toMatch(
      /<journal_issue>\s*<titles>\s*<title>التطوع والمدينة<\/title>\s*<\/titles>\s*<publication_date media_type="online">\s*<month>01<\/month>\s*<day>15<\/day>\s*<year>2027<\/year>/,
    );
    expect(xml).toMatch(
      /<journal_volume>\s*<volume>1<\/volume>\s*<\/journal_volume>\s*<issue>2<\/issue>/,
    );
  });

  it('deposits each article under its DOI, in its language', () => {
    expect([...xml.matchAll(/<doi>([^<]+)<\/doi>/g)].map((match) => match[1])).toEqual([
      '10.32013/jvw.2027.1',
      '10.32013/jvw.2027.2',
      '10.32013/jvw.2027.3',
    ]);
    expect(
      [...xml.matchAll(/<journal_article publication_type="full_text" language="(\w+)">/g)].map(
        (match) => match[1],
      ),
    ).toEqual(['ar', 'en', 'fr']);
    // An & in the landing page URL is escaped like any text.
    expect(articleXml(xml, 1)).toContain(
      '<resource>https://tahkim.example.org/journals/jvw/articles/1?lang=ar&amp;view=full</resource>',
    );
  });

  it('gives a title per language, the article’s own first, and abstracts with xml:lang', () => {
    const arabic = articleXml(xml, 1);
    expect(arabic).toMatch(
      /<titles>\s*<title>أثر العمل التطوعي[^<]*<\/title>\s*<\/titles>\s*<titles>\s*<title>The effect of volunteering[^<]*<\/title>\s*<subtitle>A descriptive study<\/subtitle>\s*<\/titles>/,
    );
    expect(arabic).not.toContain('original_language_title');
    expect(arabic).toMatch(
      /<jats:abstract xml:lang="ar">\s*<jats:p>تهدف هذه الدراسة إلى قياس أثر التطوع.<\/jats:p>\s*<jats:p>وأظهرت النتائج[^<]*<\/jats:p>\s*<\/jats:abstract>\s*<jats:abstract xml:lang="en">/,
    );
    // CRLF paragraphs are split too, and a control character (BEL) is dropped.
    expect(articleXml(xml, 2)).toMatch(
      /<jats:p>A mixed-methods study<\/jats:p>\s*<jats:p>of volunteer retention.<\/jats:p>/,
    );
    expect(xml).not.toContain('\u0007');
    expect(articleXml(xml, 3)).not.toContain('jats:abstract');
  });

  it('escapes markup characters in titles and references', () => {
    expect(articleXml(xml, 3)).toContain(
      `<title>L'engagement « bénévole » &amp; la "société civile" : quand &lt;b&gt; n'est pas une balise</title>`,
    );
    expect(articleXml(xml, 1)).toContain(
      '<unstructured_citation>Smith, J. &amp; Jones, K. (2019). Volunteers &lt;and&gt; their motives.',
    );
  });

  it('names authors in Latin script when they have it, and in Arabic with language="ar" when not', () => {
    const arabic = articleXml(xml, 1);
    expect(arabic).toMatch(
      /<person_name sequence="first" contributor_role="author" language="ar">\s*<given_name>سارة<\/given_name>\s*<surname>العلي<\/surname>\s*<affiliations>\s*<institution>\s*<institution_name>جامعة المثال، قسم الخدمة الاجتماعية<\/institution_name>/,
    );
    expect(arabic).toMatch(
      /<person_name sequence="additional" contributor_role="author">\s*<given_name>Josiah<\/given_name>\s*<surname>Carberry<\/surname>\s*<affiliations>[\s\S]*?<\/affiliations>\s*<ORCID authenticated="false">https:\/\/orcid.org\/0000-0002-1825-0097<\/ORCID>\s*<\/person_name>/,
    );
    expect(arabic).not.toContain('يوشيا');
    // A mononym is a surname alone; an ORCID iD with a wrong check digit is left out.
    expect(articleXml(xml, 2)).toMatch(
      /<person_name sequence="additional" contributor_role="author">\s*<surname>Sukarno<\/surname>\s*<\/person_name>/,
    );
    expect(articleXml(xml, 3)).not.toContain('<ORCID');
  });

  it('gives pages, or the article number when the journal numbers articles', () => {
    expect(articleXml(xml, 1)).toMatch(
      /<pages>\s*<first_page>1<\/first_page>\s*<last_page>18<\/last_page>\s*<\/pages>/,
    );
    expect(articleXml(xml, 1)).not.toContain('publisher_item');
    expect(articleXml(xml, 2)).toMatch(
      /<publisher_item>\s*<item_number item_number_type="article_number">e1027<\/item_number>\s*<\/publisher_item>/,
    );
    expect(articleXml(xml, 2)).not.toContain('<pages>');
  });

  it('gives dates, licence, version, full-text links and references', () => {
    expect(articleXml(xml, 1)).toMatch(
      /<ai:program name="AccessIndicators">\s*<ai:free_to_read\/>\s*<ai:license_ref applies_to="vor" start_date="2027-01-15">https:\/\/creativecommons.org\/licenses\/by\/4.0\/<\/ai:license_ref>\s*<\/ai:program>/,
    );
    expect(articleXml(xml, 2)).toContain('<day>20</day>');
    // Without its own date, the article takes the issue's.
    expect(articleXml(xml, 3)).toContain(
      '<ai:license_ref applies_to="vor" start_date="2027-01-15">https://creativecommons.org/licenses/by-nc/4.0/</ai:license_ref>',
    );
    expect(articleXml(xml, 2)).toMatch(/<version_info>\s*<version>2<\/version>\s*<\/version_info>/);
    expect(articleXml(xml, 1)).toMatch(
      /<collection property="crawler-based">\s*<item crawler="iParadigms">\s*<resource>https:\/\/tahkim.example.org\/api\/public\/journals\/jvw\/galleys\/a1\/content<\/resource>/,
    );
    expect(articleXml(xml, 1)).toMatch(
      /<collection property="text-mining">\s*<item>\s*<resource mime_type="application\/pdf">/,
    );
    // Similarity Check crawls one file, the PDF; text mining lists them all, and a type outside
    // the schema's list is deposited without mime_type.
    expect(articleXml(xml, 2).match(/<item crawler="iParadigms">/g)).toHaveLength(1);
    expect(articleXml(xml, 2)).toMatch(
      /<item crawler="iParadigms">\s*<resource>[^<]*\/b1\/content<\/resource>/,
    );
    expect(articleXml(xml, 2)).toMatch(
      /<collection property="text-mining">\s*<item>\s*<resource>[^<]*\/b2\/content<\/resource>\s*<\/item>\s*<item>\s*<resource mime_type="application\/pdf">[^<]*\/b1\/content<\/resource>/,
    );
    expect(articleXml(xml, 3)).not.toContain('<collection');
    // Blank references are skipped; keys are numbered from 1.
    expect([...articleXml(xml, 1).matchAll(/<citation key="(ref\d+)">/g)].map((m) => m[1])).toEqual(
      ['ref1', 'ref2'],
    );
    expect(articleXml(xml, 3)).not.toContain('citation_list');
    // Funding is a free-text statement: not deposited as FundRef.
    expect(xml).not.toContain('fr:');
  });

  it('refuses what it cannot deposit', () => {
    const noDoi = input();
    noDoi.articles[0].publication.doi = null;
    expect(() => buildCrossrefDeposit(noDoi)).toThrow(
      'an article without a DOI cannot be deposited',
    );
    const noTitle = input();
    noTitle.articles[2].publication.metadata = { fr: { title: '  ' } };
    expect(() => buildCrossrefDeposit(noTitle)).toThrow(
      'the article 10.32013/jvw.2027.3 has no title',
    );
    const badIssn = input();
    badIssn.journal.printIssn = '2434-5610';
    expect(() => buildCrossrefDeposit(badIssn)).toThrow('print ISSN "2434-5610" is not valid');
    expect(() => buildCrossrefDeposit({ ...input(), timestamp: -1 })).toThrow('timestamp');
    expect(() => buildCrossrefDeposit({ ...input(), articles: [] })).toThrow(
      'at least one article',
    );
  });
});

describe('buildCrossrefDeposit against the Crossref 5.4.0 schema (xmllint)', () => {
  let directory: string;

  beforeAll(() => {
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(XMLLINT_MISSING, { cause: error });
      throw error;
    }
    if (!existsSync(SCHEMA)) throw new Error(`Crossref 5.4.0 schema not found at ${SCHEMA}`);
    directory = mkdtempSync(join(tmpdir(), 'tahkim-crossref-'));
  });

  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** Runs xmllint on the files: its exit status and what it printed. */
  function validate(files: Record<string, string>): { status: number; output: string } {
    const paths = Object.entries(files).map(([name, content]) => {
      const path = join(directory, name);
      writeFileSync(path, content, 'utf8');
      return path;
    });
    try {
      const output = execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, ...paths], {
        stdio: 'pipe',
        encoding: 'utf8',
      });
      return { status: 0, output };
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { status?: number; stderr?: string };
      if (failure.code === 'ENOENT') throw new Error(XMLLINT_MISSING, { cause: error });
      return { status: failure.status ?? -1, output: String(failure.stderr ?? failure.message) };
    }
  }

  it('validates a three-article issue deposit', () => {
    const xml = buildCrossrefDeposit(input());
    const result = validate({ 'deposit.xml': xml });
    expect(result).toEqual({ status: 0, output: '' });
    // A real parser reads the escaped French title back as written.
    const title = execFileSync(
      'xmllint',
      [
        '--xpath',
        'string(//*[local-name()="journal_article"][3]/*[local-name()="titles"]/*[local-name()="title"])',
        join(directory, 'deposit.xml'),
      ],
      { stdio: 'pipe', encoding: 'utf8' },
    );
    expect(title.replace(/\n$/, '')).toBe(FRENCH_TITLE);
  }, 30_000);

  it('fails on a bad DOI and on a missing title (the check can fail)', () => {
    const badDoi = input();
    badDoi.articles[1].publication.doi = '11.1234/x';
    const noTitles = buildCrossrefDeposit(input()).replace(/\s*<titles>[\s\S]*?<\/titles>/g, '');
    const result = validate({
      'bad-doi.xml': buildCrossrefDeposit(badDoi),
      'no-title.xml': noTitles,
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('bad-doi.xml fails to validate');
    expect(result.output).toContain("'11.1234/x' is not accepted by the pattern");
    expect(result.output).toContain('no-title.xml fails to validate');
    expect(result.output).toContain('Expected is ( {http://www.crossref.org/schema/5.4.0}titles )');
  }, 30_000);
});
