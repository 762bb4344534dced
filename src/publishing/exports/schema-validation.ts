import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { projectRoot } from '../../common/paths/project-root';

/**
 * The official schemas of the exports, shipped with the app in `templates/standards` (byte for
 * byte, with their licences and a README each): found from `src/` under ts-jest and from
 * `dist/src/` in production alike, and copied into the Docker image with the other templates.
 */
export const STANDARDS_DIR = join(projectRoot(), 'templates', 'standards');

/** A schema an export is checked against: its folder in templates/standards and its main XSD. */
export interface ExportSchema {
  /** What editors read in a failure: "Crossref schema 5.4.0". */
  readonly label: string;
  readonly folder: string;
  /** The main XSD, in the folder; what it imports or includes is found beside it. */
  readonly main: string;
}

export const CROSSREF_5_4_0_SCHEMA: ExportSchema = {
  label: 'Crossref schema 5.4.0',
  folder: 'crossref-5.4.0',
  main: 'crossref5.4.0.xsd',
};

export const DOAJ_ARTICLES_SCHEMA: ExportSchema = {
  label: 'doajArticles.xsd',
  folder: 'doaj',
  main: 'doajArticles.xsd',
};

/** One thing the schema refuses, said for an editor. */
export interface SchemaError {
  /** The line of the document, when xmllint gives it. */
  line: number | null;
  /**
   * The element at fault, by the name the export writes (`fullTextUrl`, `jats:p`), with `/@name`
   * for one of its attributes.
   */
  path: string | null;
  message: string;
}

export type SchemaCheck = { valid: true } | { valid: false; errors: SchemaError[] };

/** The exported document's name in xmllint's in-memory file system, and in its messages. */
const DOCUMENT = 'export.xml';

/**
 * Crossref's schema with its JATS and MathML imports takes about 40 MiB to compile (more than
 * xmllint-wasm's default of 32 MiB); a large issue's deposit adds little. Memory grows as needed
 * up to this.
 */
const MAX_MEMORY_PAGES = 256 * memoryPages.MiB;

/** The longest value quoted in a message: a long abstract is cut. */
const MAX_QUOTED = 120;
/** The most element names listed after "expected". */
const MAX_EXPECTED = 6;

interface SchemaFiles {
  main: XMLFileInfo;
  imports: XMLFileInfo[];
}

const loaded = new Map<string, SchemaFiles>();

/** Every XSD of the schema's folder, read once, named by its path from templates/standards. */
function schemaFiles(schema: ExportSchema, root: string): SchemaFiles {
  const key = join(root, schema.folder);
  const cached = loaded.get(key);
  if (cached) return cached;
  const files = readdirSync(key, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xsd'))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      // xmllint-wasm writes each file at /<fileName> in its file system, folders included, so
      // that `schemaLocation="standard-modules/xml.xsd"` resolves beside the importing schema.
      const fileName = relative(root, path).split(sep).join('/');
      return { fileName, contents: readFileSync(path) };
    });
  const mainName = `${schema.folder}/${schema.main}`;
  const main = files.find((file) => file.fileName === mainName);
  if (!main) throw new Error(`the schema ${mainName} is not in ${root}`);
  const result = { main, imports: files.filter((file) => file !== main) };
  loaded.set(key, result);
  return result;
}

/**
 * Checks an export against its official schema, in-process: libxml2's xmllint compiled to
 * WebAssembly (xmllint-wasm), which runs in a worker thread of its own, so the event loop goes
 * on while it compiles the schema and validates (about 3 s for Crossref's, 0.1 s for DOAJ's).
 * No network: every import is a file of the schema's folder. Rejects when the check cannot be
 * made (a document that is not well-formed XML, a schema that does not compile).
 */
export async function checkAgainstSchema(
  schema: ExportSchema,
  xml: string,
  root = STANDARDS_DIR,
): Promise<SchemaCheck> {
  const files = schemaFiles(schema, root);
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: [{ fileName: DOCUMENT, contents: xml }],
      schema: [files.main],
      preload: files.imports,
      maxMemoryPages: MAX_MEMORY_PAGES,
      modifyArguments: (args) => ['--nonet', ...args],
    });
  } catch (error) {
    const output = String((error as Error).message ?? error).trim();
    const detail = output.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
    throw new Error(`could not be checked against ${schema.label}: ${detail}`, { cause: error });
  }
  if (result.valid) return { valid: true };
  // Not well-formed: there is no document to check (xmllint echoes the line and a caret after).
  const parserError = result.errors.find((error) => /\bparser error\b/.test(error.message));
  if (parserError)
    throw new Error(
      `could not be checked against ${schema.label}: not well-formed XML (${parserError.rawMessage.trim()})`,
    );
  const errors = readableErrors(
    result.errors.map((error) => ({ line: error.loc?.lineNumber ?? null, raw: error.message })),
  );
  return {
    valid: false,
    errors: errors.length
      ? errors
      : [{ line: null, path: null, message: cut(result.rawOutput.trim()) || 'not valid' }],
  };
}

/**
 * The prefixes an export writes its namespaces with (Crossref's own is the default one), so that
 * `ct:program` and `rel:program` stay apart in a message; another namespace is dropped.
 */
const PREFIXES: Record<string, string> = {
  'http://www.crossref.org/schema/5.4.0': '',
  'http://www.ncbi.nlm.nih.gov/JATS1': 'jats:',
  'http://www.crossref.org/AccessIndicators.xsd': 'ai:',
  'http://www.crossref.org/fundref.xsd': 'fr:',
  'http://www.crossref.org/clinicaltrials.xsd': 'ct:',
  'http://www.crossref.org/relations.xsd': 'rel:',
  'http://www.w3.org/1998/Math/MathML': 'mml:',
};

/** `{namespace}name` as `prefix:name`: element names only, never a pattern's `{4,9}`. */
function withPrefixes(text: string): string {
  return text.replace(/\{((?:https?|urn):[^{}\s]*)\}/g, (_, uri: string) => PREFIXES[uri] ?? '');
}

/** A value cut to MAX_QUOTED characters. */
function cut(value: string): string {
  return value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
}

/** Element names in a list from libxml2 ("( ct:program, doi_data )"): a few at most. */
function names(list: string): string {
  const all = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const shown = all.slice(0, MAX_EXPECTED).join(', ');
  return all.length > MAX_EXPECTED ? `${shown}, … (${all.length} in all)` : shown;
}

/** A libxml2 schema message in plain words: what is wrong with the element's value or content. */
function plainWords(text: string): { text: string; followUp: boolean } {
  let match =
    /^\[facet 'pattern'\] The value '([\s\S]*)' is not accepted by the pattern '([\s\S]*)'\.?$/.exec(
      text,
    );
  if (match)
    return { text: `'${cut(match[1])}' does not match the pattern '${match[2]}'`, followUp: false };
  match = /^\[facet 'enumeration'\] The value '([\s\S]*)' is not an element of the set/.exec(text);
  if (match)
    return {
      text: `'${cut(match[1])}' is not one of the values the schema allows`,
      followUp: false,
    };
  match =
    /^\[facet '(?:maxLength|minLength|length)'\] The value has a length of '(\d+)'; this (exceeds|underruns|differs from) the allowed (?:maximum |minimum )?length of '(\d+)'/.exec(
      text,
    );
  if (match) {
    const [, actual, how, allowed] = match;
    const bound =
      how === 'exceeds'
        ? `more than the ${allowed} allowed`
        : how === 'underruns'
          ? `fewer than the ${allowed} required`
          : `not the ${allowed} required`;
    return { text: `the value is ${actual} characters long, ${bound}`, followUp: false };
  }
  match = /^'([\s\S]*)' is not a valid value of the (?:local )?(?:atomic|union|list) type/.exec(
    text,
  );
  if (match) return { text: `'${cut(match[1])}' is not a valid value`, followUp: true };
  match = /^This element is not expected\.(?: Expected is(?: one of)? \(([^)]*)\))?/.exec(text);
  if (match)
    return {
      text: match[1]
        ? `this element is not expected here; expected: ${names(match[1])}`
        : 'this element is not expected here',
      followUp: false,
    };
  match = /^Missing child element\(s\)\. Expected is(?: one of)? \(([^)]*)\)/.exec(text);
  if (match)
    return { text: `a required child element is missing: ${names(match[1])}`, followUp: false };
  const plain = text.replace(/\.$/, '');
  return { text: plain.charAt(0).toLowerCase() + plain.slice(1), followUp: false };
}

/**
 * libxml2's messages made readable: namespaces written as the export's prefixes, the element (and
 * attribute) named first, facets in plain words, and the "is not a valid value of the type" that
 * follows every facet error on the same element dropped.
 */
export function readableErrors(raw: { line: number | null; raw: string }[]): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const { line, raw: message } of raw) {
    const text = withPrefixes(message)
      .replace(/^[\s\S]*?Schemas (?:validity|parser) error : /, '')
      .trim();
    if (!text) continue;
    const located = /^Element '([^']+)'(?:, attribute '([^']+)')?: ([\s\S]*)$/.exec(text);
    const path = located ? (located[2] ? `${located[1]}/@${located[2]}` : located[1]) : null;
    const said = plainWords(located ? located[3] : text);
    const previous = errors.at(-1);
    if (said.followUp && previous && previous.line === line && previous.path === path) continue;
    if (
      errors.some(
        (error) => error.line === line && error.path === path && error.message === said.text,
      )
    )
      continue;
    errors.push({ line, path, message: said.text });
  }
  return errors;
}

/** "fullTextUrl (line 21): 'http://localhost/…' does not match the pattern '…'". */
export function formatSchemaError(error: SchemaError): string {
  const where = [error.path, error.line !== null && `(line ${error.line})`].filter(Boolean);
  return where.length ? `${where.join(' ')}: ${error.message}` : error.message;
}

/** The reason an export is refused: the schema, and its first errors (how many more, if any). */
export function describeSchemaErrors(
  schema: ExportSchema,
  errors: readonly SchemaError[],
  shown = 3,
): string {
  const first = errors.slice(0, shown).map(formatSchemaError).join('; ');
  const more = errors.length > shown ? ` (and ${errors.length - shown} more)` : '';
  return `not valid against ${schema.label}: ${first}${more}`;
}

/** An export the schema refuses: stored as failed, with the errors for the editors. */
export class SchemaInvalidError extends Error {
  constructor(
    readonly schema: ExportSchema,
    readonly errors: readonly SchemaError[],
    advice?: string,
  ) {
    const reason = describeSchemaErrors(schema, errors);
    super(advice ? `${advice} The file is ${reason}.` : `The file is ${reason}.`);
    this.name = 'SchemaInvalidError';
  }
}
