import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/demo';
import { Journal } from '../src/journals/journal.entity';
import { DoajExports } from '../src/publishing/doaj-exports.service';
import { DoiAssignment } from '../src/publishing/entities/doi-assignment.entity';
import { Issue } from '../src/publishing/entities/issue.entity';
import { OaiPmh } from '../src/publishing/oai/oai-pmh.service';
import { mintDoiIn } from '../src/publishing/dois';
import { DoisRepository } from '../src/publishing/dois.repository';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Submission } from '../src/submissions/entities/submission.entity';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { DOAJ_XSD, OAI_PMH_XSD } from './support/standards';
import { signIn } from './support/sign-in';

const email = (key: string) => `${key}@volunteering.example.org`;
const JOURNAL = '/api/journals/volunteering';
const HOST = 'journal.example.org';

/**
 * The indexing exports of the demo's published issue on a public host: the DOAJ upload the
 * worker builds (checked against doajArticles.xsd by the worker before it is offered, and here
 * again with xmllint; on the demo's localhost it is refused, see publishing-extras), the OAI-PMH
 * 2.0 provider (every verb and error, valid against the official schemas with oai_dc), and a DOI
 * pattern that would give a DOI twice.
 */
describe('indexing: DOAJ exports, OAI-PMH, DOI collisions', () => {
  let stack: Stack;
  let dir: string;
  const auth: Record<string, string> = {};
  let published: string;
  let files = 0;

  const http = () => stack.http();
  const as = (who: string) => ({ Authorization: auth[who] });
  /** Writes the XML to a file and validates it; the XML is returned for the content checks. */
  const valid = (xml: string, schema: string): string => {
    const file = join(dir, `doc-${(files += 1)}.xml`);
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'pipe' });
    return xml;
  };
  const oai = async (query: string) => {
    const response = await http().get(`/api/oai?${query}`).expect(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    return valid(response.text, OAI_PMH_XSD);
  };
  const errorCode = (xml: string) => /<error code="([a-zA-Z]+)">/.exec(xml)?.[1];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tahkim-indexing-'));
    // A public host with a dot: DOAJ takes only such full-text URLs, and OAI identifiers use it.
    stack = await startStack({ PUBLIC_URL: `https://${HOST}` });
    await seedDemo(stack.api);
    for (const key of ['editor', 'author1']) auth[key] = await signIn(stack, email(key));
    [{ id: published }] = await stack.dataSource.query(
      `SELECT id FROM issues WHERE status = 'published'`,
    );
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the DOAJ upload of the published issue, valid against doajArticles.xsd', async () => {
    // Requested by publishing (the seed did it); the worker's scan builds it.
    expect(await stack.worker.get(DoajExports).buildPending()).toEqual({ built: 1, failed: 0 });
    const [exported] = (
      await http().get(`${JOURNAL}/issues/${published}/doaj-exports`).set(as('editor')).expect(200)
    ).body;
    expect(exported).toMatchObject({ status: 'built', articles: 2, error: null });
    expect(exported.storageKey).toBeUndefined();
    const file = await http()
      .get(`${JOURNAL}/issues/${published}/doaj-exports/${exported.id}/content`)
      .set(as('editor'))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const xml = valid((file.body as Buffer).toString('utf8'), DOAJ_XSD);
    expect(xml.match(/<record>/g)).toHaveLength(2);
    expect(xml).toContain('<language>ara</language>');
    expect(xml).toContain('<language>fre</language>');
    expect(xml).toContain('<eissn>2958-1427</eissn>');
    expect(xml).toContain(
      '<title language="ara">التطوع الرقمي في دول الخليج: المنصات والمتطوعون</title>',
    );
    expect(xml).toContain(
      '<title language="eng">Digital volunteering in the Gulf states: platforms and volunteers</title>',
    );
    expect(xml).toMatch(/<doi>10\.32013\/jvw\.\d{4}\.\d+<\/doi>/);
    // The article's page, in the journal's language (its PDF, when it has one, is the link).
    const landing = new RegExp(
      `<fullTextUrl format="html">https://${HOST}(/ar/j/volunteering/articles/[0-9a-f-]{36})</fullTextUrl>`,
    ).exec(xml);
    expect(landing).not.toBeNull();
    // The page is there; the address earlier exports gave leads to it.
    await http().get(landing![1]).set('Accept', 'text/html').expect(200);
    const earlier = await http()
      .get(landing![1].replace('/ar/j/', '/journals/'))
      .set('Accept', 'text/html')
      .set('Accept-Language', 'fr')
      .expect(301);
    expect(earlier.headers.location).toBe(landing![1].replace('/ar/', '/fr/'));
    await http()
      .get('/journals/volunteering/articles/not-an-id')
      .set('Accept', 'text/html')
      .expect(400);
    // Emails stay out: DOAJ shows them to everyone.
    expect(xml).not.toContain('<email>');
  });

  it('fails an export readably when the journal has no ISSN, and lets editors ask again', async () => {
    await stack.dataSource.query(
      `UPDATE journals SET online_issn = NULL WHERE slug = 'volunteering'`,
    );
    await http().post(`${JOURNAL}/issues/${published}/doaj-exports`).set(as('editor')).expect(201);
    expect(await stack.worker.get(DoajExports).buildPending()).toEqual({ built: 0, failed: 1 });
    const [latest] = (
      await http().get(`${JOURNAL}/issues/${published}/doaj-exports`).set(as('editor')).expect(200)
    ).body;
    expect(latest).toMatchObject({ status: 'failed' });
    expect(latest.error).toMatch(/no ISSN/);
    await stack.dataSource.query(
      `UPDATE journals SET online_issn = '2958-1427' WHERE slug = 'volunteering'`,
    );
    await http().get(`${JOURNAL}/issues/${published}/doaj-exports`).set(as('author1')).expect(403);
    await http().post(`${JOURNAL}/issues/${published}/doaj-exports`).set(as('author1')).expect(403);
    const draft = (
      await stack.dataSource.query(`SELECT id FROM issues WHERE status = 'draft' LIMIT 1`)
    )[0].id;
    const refused = await http()
      .post(`${JOURNAL}/issues/${draft}/doaj-exports`)
      .set(as('editor'))
      .expect(409);
    expect(refused.body.type).toBe('urn:tahkim:problem:issue-not-published');
  });

  it('identifies the repository and lists its formats and sets', async () => {
    const identify = await oai('verb=Identify');
    expect(identify).toContain(`<baseURL>https://${HOST}/api/oai</baseURL>`);
    expect(identify).toContain('<deletedRecord>transient</deletedRecord>');
    expect(identify).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(identify).toContain(`<repositoryIdentifier>${HOST}</repositoryIdentifier>`);
    const formats = await oai('verb=ListMetadataFormats');
    expect(formats).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    const sets = await oai('verb=ListSets');
    expect(sets).toContain('<setSpec>volunteering</setSpec>');
    expect(sets.match(/<setSpec>volunteering:[0-9a-f-]{36}<\/setSpec>/g)!.length).toBeGreaterThan(
      0,
    );
  });

  it('lists the published articles in Dublin Core, never a draft', async () => {
    const records = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(records.match(/<record>/g)).toHaveLength(2);
    expect(records).toContain(
      '<dc:title xml:lang="ar">التطوع الرقمي في دول الخليج: المنصات والمتطوعون</dc:title>',
    );
    expect(records).toContain(
      '<dc:title xml:lang="fr">Les étudiants bénévoles de Rabat pendant les inondations de 2025</dc:title>',
    );
    expect(records).toMatch(
      /<dc:identifier>https:\/\/doi\.org\/10\.32013\/jvw\.\d{4}\.\d+<\/dc:identifier>/,
    );
    expect(records).toMatch(
      new RegExp(
        `<dc:identifier>https://${HOST}/ar/j/volunteering/articles/[0-9a-f-]{36}</dc:identifier>`,
      ),
    );
    expect(records).toContain('<dc:source>2958-1427</dc:source>');
    expect(records).toContain(
      '<dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>',
    );
    // The issue in preparation is not in the repository.
    expect(records).not.toContain('Legal frameworks for volunteering');
    expect(records).not.toMatch(/resumptionToken/);
    // POST gives the same answer.
    const posted = await http()
      .post('/api/oai')
      .type('form')
      .send({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' })
      .expect(200);
    expect(valid(posted.text, OAI_PMH_XSD).match(/<header>/g)).toHaveLength(2);

    const [{ submission_id: id }] = await stack.dataSource.query(
      `SELECT submission_id FROM publications WHERE status = 'published' AND locale = 'ar'`,
    );
    const record = await oai(
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${HOST}:article/${id}`,
    );
    expect(record).toContain(`<identifier>oai:${HOST}:article/${id}</identifier>`);
    expect(record).toContain('<dc:language>ar</dc:language>');
  });

  it('pages with resumption tokens, and filters by set and dates', async () => {
    const provider = stack.api.get(OaiPmh);
    provider.pageSize = 1;
    try {
      const first = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
      expect(first.match(/<header>/g)).toHaveLength(1);
      const token =
        /<resumptionToken completeListSize="2" cursor="0">([^<]+)<\/resumptionToken>/.exec(
          first,
        )![1];
      const second = await oai(`verb=ListIdentifiers&resumptionToken=${token}`);
      expect(second.match(/<header>/g)).toHaveLength(1);
      expect(second).toContain('<resumptionToken completeListSize="2" cursor="1"/>');
      const ids = [first, second].map((xml) => /<identifier>([^<]+)<\/identifier>/.exec(xml)![1]);
      expect(new Set(ids).size).toBe(2);
      expect(errorCode(await oai('verb=ListIdentifiers&resumptionToken=garbage'))).toBe(
        'badResumptionToken',
      );
      expect(
        errorCode(await oai(`verb=ListIdentifiers&resumptionToken=${token}&metadataPrefix=oai_dc`)),
      ).toBe('badArgument');
    } finally {
      provider.pageSize = 100;
    }
    expect(
      (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=volunteering')).match(/<header>/g),
    ).toHaveLength(2);
    expect(errorCode(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=elsewhere'))).toBe(
      'noRecordsMatch',
    );
    expect(errorCode(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01'))).toBe(
      'noRecordsMatch',
    );
    expect(
      (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2999-12-31')).match(/<header>/g),
    ).toHaveLength(2);
  });

  it('answers every protocol error the way OAI-PMH says', async () => {
    expect(errorCode(await oai('verb=Bogus'))).toBe('badVerb');
    expect(errorCode(await oai(''))).toBe('badVerb');
    expect(errorCode(await oai('verb=Identify&verb=Identify'))).toBe('badVerb');
    expect(errorCode(await oai('verb=Identify&extra=1'))).toBe('badArgument');
    expect(errorCode(await oai('verb=ListRecords'))).toBe('badArgument');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=oai_dc&from=yesterday'))).toBe(
      'badArgument',
    );
    expect(
      errorCode(
        await oai(
          'verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-01T00:00:00Z',
        ),
      ),
    ).toBe('badArgument');
    expect(errorCode(await oai('verb=ListRecords&metadataPrefix=marcxml'))).toBe(
      'cannotDisseminateFormat',
    );
    expect(
      errorCode(await oai('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1')),
    ).toBe('idDoesNotExist');
    const [{ submission_id: draft }] = await stack.dataSource.query(
      `SELECT submission_id FROM publications WHERE status = 'draft' LIMIT 1`,
    );
    expect(
      errorCode(
        await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${HOST}:article/${draft}`),
      ),
    ).toBe('idDoesNotExist');
    // A badVerb answer echoes no arguments.
    expect(await oai('verb=Bogus&x=1')).toContain(`<request>https://${HOST}/api/oai</request>`);
  });

  it('refuses a DOI that another article already has (409) and a pattern that cannot tell articles apart (400)', async () => {
    const journal = await stack.dataSource
      .getRepository(Journal)
      .findOneByOrFail({ slug: 'volunteering' });
    const issue = await stack.dataSource.getRepository(Issue).findOneByOrFail({ status: 'draft' });
    // A submission with no DOI yet, and the DOI the pattern would give it already taken (as by
    // another journal sharing the prefix).
    const [candidate] = await stack.dataSource.query(
      `SELECT s.id FROM submissions s WHERE s.journal_id = $1
          AND NOT EXISTS (SELECT 1 FROM doi_assignments d WHERE d.submission_id = s.id)
        ORDER BY s.created_at LIMIT 2`,
      [journal.id],
    );
    const [holder] = await stack.dataSource.query(
      `SELECT s.id FROM submissions s WHERE s.journal_id = $1
          AND NOT EXISTS (SELECT 1 FROM doi_assignments d WHERE d.submission_id = s.id)
        ORDER BY s.created_at OFFSET 1 LIMIT 1`,
      [journal.id],
    );
    const count = await stack.dataSource
      .getRepository(DoiAssignment)
      .countBy({ journalId: journal.id });
    // After this row the journal has count + 1 DOIs, so the next minted is number count + 2.
    const doi = `${journal.doiPrefix}/${journal.doiSuffixPattern
      .replace('{journal}', journal.slug)
      .replace('{year}', String(issue.year))
      .replace('{volume}', String(issue.volume))
      .replace('{issue}', String(issue.number))
      .replace('{article}', String(count + 2))}`;
    await stack.dataSource.getRepository(DoiAssignment).insert({
      doi: doi.toUpperCase(),
      submissionId: holder.id,
      journalId: journal.id,
    });
    const submission = await stack.dataSource
      .getRepository(Submission)
      .findOneByOrFail({ id: candidate.id });
    await expect(
      stack.api
        .get(TransactionHost)
        .withTransaction(() =>
          mintDoiIn(
            stack.api.get(DoisRepository, { strict: false }).store,
            journal,
            submission,
            issue,
          ),
        ),
    ).rejects.toMatchObject({ status: 409 });
    expect(
      await stack.dataSource.getRepository(DoiAssignment).countBy({ submissionId: candidate.id }),
    ).toBe(0);

    const manager = await signIn(stack, email('manager'));
    const refused = await http()
      .patch(JOURNAL)
      .set('Authorization', manager)
      .send({ doiSuffixPattern: '{journal}.{year}' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('{article} or {submission}');
  });
});
