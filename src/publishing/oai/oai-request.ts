import { OaiError } from './oai-xml';

const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type Verb = (typeof VERBS)[number];

/** The arguments each verb takes: required, optional, or exclusive (resumptionToken). */
const ARGUMENTS: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

/** The metadata formats the repository disseminates. */
export const METADATA_FORMATS = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

/** A list request (ListIdentifiers, ListRecords): its filters and where its page starts. */
export interface ListQuery {
  prefix: string;
  from: Date | null;
  until: Date | null;
  set: string | null;
  /** Keyset: records after this (datestamp, submission id). */
  after: { datestamp: string; id: string } | null;
  cursor: number;
}

/** A request the protocol accepts: its verb and its arguments, each given once. */
export interface OaiRequest {
  verb: Verb;
  args: Record<string, string | undefined>;
}

/** The arguments as given, for the response to echo (strings only). */
export function echoOf(raw: Record<string, unknown>): Record<string, string> {
  const request: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw))
    if (typeof value === 'string') request[key] = value;
  return request;
}

/** The verb and its arguments, or the protocol's error (badVerb, badArgument). */
export function parseRequest(raw: Record<string, unknown>): OaiRequest {
  const verb = raw.verb;
  if (typeof verb !== 'string')
    throw new OaiError(
      'badVerb',
      Array.isArray(verb) ? 'The verb is repeated' : 'The verb is missing',
    );
  if (!(VERBS as readonly string[]).includes(verb))
    throw new OaiError('badVerb', `"${verb}" is not an OAI-PMH verb`);
  return { verb: verb as Verb, args: checkArguments(verb as Verb, raw) };
}

function checkArguments(
  verb: Verb,
  raw: Record<string, unknown>,
): Record<string, string | undefined> {
  const spec = ARGUMENTS[verb];
  const args: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'verb') continue;
    if (typeof value !== 'string')
      throw new OaiError('badArgument', `The argument ${key} is repeated`);
    if (![...spec.required, ...spec.optional, spec.exclusive].includes(key))
      throw new OaiError('badArgument', `${verb} does not take the argument ${key}`);
    args[key] = value;
  }
  if (spec.exclusive && args[spec.exclusive] !== undefined) {
    if (Object.keys(args).length > 1)
      throw new OaiError('badArgument', `${spec.exclusive} is an exclusive argument`);
    return args;
  }
  for (const key of spec.required)
    if (!args[key]) throw new OaiError('badArgument', `${verb} needs the argument ${key}`);
  return args;
}

/** cannotDisseminateFormat unless the repository offers this metadata format. */
export function checkFormat(prefix: string): void {
  if (!METADATA_FORMATS.some((format) => format.prefix === prefix))
    throw new OaiError(
      'cannotDisseminateFormat',
      `The repository does not disseminate ${prefix}: it offers oai_dc`,
    );
}

/** A date of the repository's granularity: a day (its start, or its end) or a second. */
function parseDate(value: string | undefined, end: boolean): Date | null {
  if (value === undefined) return null;
  if (DAY.test(value)) {
    const date = new Date(`${value}T${end ? '23:59:59' : '00:00:00'}Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
  } else if (SECOND.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new OaiError(
    'badArgument',
    `${value} is not a date of this repository's granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)`,
  );
}

/** The first page of a list, from the request's own arguments (not a resumption token). */
export function listQueryOf(args: Record<string, string | undefined>): ListQuery {
  checkFormat(args.metadataPrefix!);
  if (args.from && args.until && args.from.length !== args.until.length)
    throw new OaiError('badArgument', 'from and until must have the same granularity');
  const from = parseDate(args.from, false);
  const until = parseDate(args.until, true);
  if (from && until && from > until) throw new OaiError('badArgument', 'from is later than until');
  if (args.set && !SET_SPEC.test(args.set))
    throw new OaiError('badArgument', `${args.set} is not a setSpec`);
  return {
    prefix: args.metadataPrefix!,
    from,
    until,
    set: args.set ?? null,
    after: null,
    cursor: 0,
  };
}
