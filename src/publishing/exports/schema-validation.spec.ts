import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDoajArticles, type DoajExportInput, fullTextUrlAdvice } from './doaj-articles';
import {
  CROSSREF_5_4_0_SCHEMA,
  checkAgainstSchema,
  DOAJ_ARTICLES_SCHEMA,
  describeSchemaErrors,
  readableErrors,
  SchemaInvalidError,
  STANDARDS_DIR,
} from './schema-validation';

const CROSSREF_DIR = join(STANDARDS_DIR, 'crossref-5.4.0');

function doajInput(url: string): DoajExportInput {
  return {
    journal: {
      titles: { ar: 'مجلة العمل التطوعي', en: 'Journal of Volunteer Work' },
      primaryLocale: 'ar',
      onlineIssn: '2958-1427',
      printIssn: null,
      publisherName: 'Tahkim Journal Publishing',
    },
    issue: { volume: 1, number: 1, publishedAt: new Date('2026-03-01T00:00:00Z'), year: 2026 },
    articles: [
      {
        publication: {
          submissionId: '0f3a9c2e-0000-4000-8000-000000000001',
          locale: 'en',
          metadata: { en: { title: 'Volunteers in the city', abstract: 'A study.' } },
          contributors: [
            { names: { Latn: { given: 'Josiah', family: 'Carberry' } }, corresponding: true },
          ],
          firstPage: 1,
          lastPage: 12,
          doi: '10.32013/jvw.2026.1',
          publishedAt: null,
        },
        fullText: { url, format: 'pdf' },
      },
    ],
  };
}

describe('the runtime schemas', () => {
  it('ship under templates/standards with their licences', () => {
    for (const file of [
      'crossref-5.4.0/crossref5.4.0.xsd',
      'crossref-5.4.0/LICENSES/Crossref_cc_by_license.md',
      'crossref-5.4.0/standard-modules/mathml3/mathml3.xsd',
      'doaj/doajArticles.xsd',
      'doaj/iso_639-2b.xsd',
      'doaj/LICENSE',
    ])
      expect(existsSync(join(STANDARDS_DIR, file))).toBe(true);
  });
});

describe('checkAgainstSchema (xmllint-wasm, in-process)', () => {
  it('validates Crossref’s sample deposit, its JATS, MathML and XLink imports resolved offline', async () => {
    const xml = readFileSync(join(CROSSREF_DIR, 'sample-valid.xml'), 'utf8');
    expect(await checkAgainstSchema(CROSSREF_5_4_0_SCHEMA, xml)).toEqual({ valid: true });
  });

  it('refuses the sample deposit without doi_data, naming the element and the line', async () => {
    const xml = readFileSync(join(CROSSREF_DIR, 'sample-invalid.xml'), 'utf8');
    const check = await checkAgainstSchema(CROSSREF_5_4_0_SCHEMA, xml);
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ path: 'journal_article', line: expect.any(Number) });
    // Namespaces as the deposit's prefixes: Crossref's own needs none.
    expect(check.errors[0].message).toBe(
      'a required child element is missing: ct:program, rel:program, archive_locations, scn_policies, version_info, doi_data',
    );
  });

  it('validates a DOAJ record with a public full-text URL, and refuses a localhost one', async () => {
    const good = buildDoajArticles(doajInput('https://journal.example.org/galleys/1/content'));
    expect(await checkAgainstSchema(DOAJ_ARTICLES_SCHEMA, good)).toEqual({ valid: true });

    const url = 'http://localhost:3000/api/public/journals/jvw/galleys/1/content';
    const check = await checkAgainstSchema(DOAJ_ARTICLES_SCHEMA, buildDoajArticles(doajInput(url)));
    expect(check.valid).toBe(false);
    if (check.valid) return;
    // The facet error alone: the "not a valid value of the type" that follows it adds nothing.
    expect(check.errors).toEqual([
      {
        path: 'fullTextUrl',
        line: expect.any(Number),
        message: expect.stringMatching(
          /^'http:\/\/localhost:3000\/api\/public\/journals\/jvw\/galleys\/1\/content' does not match the pattern 'https\?:\/\//,
        ),
      },
    ]);
  });

  it('rejects a document that is not well-formed XML: it cannot be checked', async () => {
    await expect(checkAgainstSchema(DOAJ_ARTICLES_SCHEMA, '<records><record>')).rejects.toThrow(
      /^could not be checked against doajArticles.xsd: /,
    );
  });
});

describe('readable schema errors', () => {
  const at = (raw: string, line = 7) => ({ line, raw });

  it('says facets in plain words, the element first, without namespaces', () => {
    const errors = readableErrors([
      at(
        "element depositor_name: Schemas validity error : Element '{http://www.crossref.org/schema/5.4.0}depositor_name': [facet 'maxLength'] The value has a length of '150'; this exceeds the allowed maximum length of '130'.",
      ),
      at(
        "element depositor_name: Schemas validity error : Element '{http://www.crossref.org/schema/5.4.0}depositor_name': 'xxx' is not a valid value of the local atomic type.",
      ),
      at(
        "element language: Schemas validity error : Element 'language': [facet 'enumeration'] The value 'en' is not an element of the set {'aar', 'abk'}.",
        9,
      ),
      at(
        "element record: Schemas validity error : Element 'record', attribute 'lang': The attribute 'lang' is not allowed.",
        10,
      ),
      at(
        "element foo: Schemas validity error : Element 'foo': This element is not expected. Expected is one of ( a, b, c, d, e, f, g, h ).",
        11,
      ),
    ]);
    expect(errors).toEqual([
      {
        line: 7,
        path: 'depositor_name',
        message: 'the value is 150 characters long, more than the 130 allowed',
      },
      { line: 9, path: 'language', message: "'en' is not one of the values the schema allows" },
      { line: 10, path: 'record/@lang', message: "the attribute 'lang' is not allowed" },
      {
        line: 11,
        path: 'foo',
        message: 'this element is not expected here; expected: a, b, c, d, e, f, … (8 in all)',
      },
    ]);
  });

  it('keeps a regular expression’s braces, and cuts a long value', () => {
    const long = 'x'.repeat(300);
    const [error] = readableErrors([
      at(
        `element doi: Schemas validity error : Element '{http://www.crossref.org/schema/5.4.0}doi': [facet 'pattern'] The value '${long}' is not accepted by the pattern '10\\.[0-9]{4,9}/.{1,200}'.`,
      ),
    ]);
    expect(error.message).toBe(
      `'${'x'.repeat(120)}…' does not match the pattern '10\\.[0-9]{4,9}/.{1,200}'`,
    );
  });

  it('gives the first errors and how many more, after the editors’ advice', () => {
    const errors = [1, 2, 3, 4, 5].map((line) => ({
      line,
      path: 'fullTextUrl',
      message: `error ${line}`,
    }));
    expect(describeSchemaErrors(DOAJ_ARTICLES_SCHEMA, errors)).toBe(
      'not valid against doajArticles.xsd: fullTextUrl (line 1): error 1; fullTextUrl (line 2): error 2; fullTextUrl (line 3): error 3 (and 2 more)',
    );
    const refused = new SchemaInvalidError(
      DOAJ_ARTICLES_SCHEMA,
      errors.slice(0, 1),
      fullTextUrlAdvice('http://localhost:3000'),
    );
    expect(refused.message).toBe(
      "DOAJ needs each article's full-text URL to be a public http(s) address, and the links are made from PUBLIC_URL, http://localhost:3000, a local address DOAJ cannot reach: set PUBLIC_URL to the journal site's public address, then ask for a new export. The file is not valid against doajArticles.xsd: fullTextUrl (line 1): error 1.",
    );
    expect(fullTextUrlAdvice('http://[2001:db8::1]:8080')).toContain(
      'PUBLIC_URL, http://[2001:db8::1]:8080, which DOAJ does not take as one',
    );
  });
});
