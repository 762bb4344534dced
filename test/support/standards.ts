import { join } from 'node:path';

/**
 * The official schemas the tests validate generated XML against, vendored byte for byte from
 * the project's shared standards folder (`../shared/standards`) so that a clone anywhere has
 * them; their licences are beside them.
 */
export const STANDARDS = join(__dirname, '..', 'standards');

/**
 * The schemas the worker itself validates its exports against before offering them: shipped
 * with the app in `templates/standards` (the Docker image copies templates/), and read from
 * there by the tests too, so that there is one copy.
 */
export const RUNTIME_STANDARDS = join(__dirname, '..', '..', 'templates', 'standards');

/** Crossref's deposit schema 5.4.0 (it imports JATS and MathML from the same folder). */
export const CROSSREF_5_4_0_XSD = join(RUNTIME_STANDARDS, 'crossref-5.4.0', 'crossref5.4.0.xsd');

/** JATS 1.3 Journal Publishing (with MathML 3), for the article XML galleys. */
export const JATS_1_3_XSD = join(
  STANDARDS,
  'jats-1.3-publishing',
  'JATS-journalpublishing1-3-mathml3.xsd',
);

/** DOAJ's article upload schema (doajArticles.xsd 1.3, with its ISO 639-2/B codes). */
export const DOAJ_XSD = join(RUNTIME_STANDARDS, 'doaj', 'doajArticles.xsd');

/** OAI-PMH 2.0 with oai_dc and oai-identifier loaded, for whole responses. */
export const OAI_PMH_XSD = join(STANDARDS, 'oai-pmh-2.0', 'oai-pmh-2.0-all.xsd');
