import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../common/paths/project-root';
import type { TypstDocumentData } from './typst-document';

/** The fonts Tahkim typesets with, shipped by npm packages: never fetched at run time. */
const FONT_FILES: [pkg: string, files: string[]][] = [
  [
    '@expo-google-fonts/amiri',
    [
      '400Regular/Amiri_400Regular.ttf',
      '700Bold/Amiri_700Bold.ttf',
      '400Regular_Italic/Amiri_400Regular_Italic.ttf',
      '700Bold_Italic/Amiri_700Bold_Italic.ttf',
    ],
  ],
  [
    '@expo-google-fonts/noto-serif',
    [
      '400Regular/NotoSerif_400Regular.ttf',
      '700Bold/NotoSerif_700Bold.ttf',
      '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
      '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
    ],
  ],
];

export function fontBlobs(): Buffer[] {
  return FONT_FILES.flatMap(([pkg, files]) => {
    const folder = dirname(require.resolve(`${pkg}/package.json`));
    return files.map((file) => readFileSync(join(folder, file)));
  });
}

export const TEMPLATE_PATH = join(projectRoot(), 'templates', 'typesetting', 'tahkim.typ');
/** The certificate of review: one page, from its own small template. */
export const CERTIFICATE_TEMPLATE_PATH = join(
  projectRoot(),
  'templates',
  'typesetting',
  'certificate.typ',
);

/** Where each article landed: printed page numbers and physical (1-based) PDF pages. */
export interface ArticlePlacement {
  key: string;
  firstPage: number;
  lastPage: number;
  firstPhysical: number;
  lastPhysical: number;
}

export interface TypstOutput {
  pdf: Buffer;
  pages: number;
  placements: ArticlePlacement[];
}

/** A readable error from Typst: the template or the data could not be laid out. */
export class TypesettingEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypesettingEngineError';
  }
}

// A root of in-memory files only: the template reads /data.json and /assets/… from it, and
// nothing on the machine's disk.
const WORKSPACE = '/tahkim-typesetting';

// Where the template reports each article's pages (see the end of tahkim.typ).
const PLACEMENTS_QUERY = '<tahkim-placements>';

/**
 * Typst, through its Node binding: one compiler per process (fonts parsed once), fed the
 * template and the document's data as in-memory files. Its caches speed up a re-run but grow
 * with every document, so they are evicted after each one.
 */
export class TypstEngine {
  private readonly compiler: NodeCompiler;
  private readonly templates: Record<'document' | 'certificate', string>;

  constructor() {
    this.compiler = NodeCompiler.create({
      workspace: WORKSPACE,
      fontArgs: [{ fontBlobs: fontBlobs() }],
    });
    this.templates = {
      document: readFileSync(TEMPLATE_PATH, 'utf8'),
      certificate: readFileSync(CERTIFICATE_TEMPLATE_PATH, 'utf8'),
    };
  }

  render(data: TypstDocumentData, files: Map<string, Buffer>, creationTime?: Date): TypstOutput {
    return this.compile('document', data, files, creationTime);
  }

  /** A one-page document from the certificate template (its data is the template's own). */
  renderCertificate(data: object, creationTime: Date): Buffer {
    return this.compile('certificate', data, new Map(), creationTime).pdf;
  }

  private compile(
    template: 'document' | 'certificate',
    data: object,
    files: Map<string, Buffer>,
    creationTime?: Date,
  ): TypstOutput {
    const compiler = this.compiler;
    compiler.resetShadow();
    compiler.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(JSON.stringify(data), 'utf8'));
    for (const [path, bytes] of files) compiler.mapShadow(`${WORKSPACE}${path}`, bytes);
    try {
      const result = compiler.compile({ mainFileContent: this.templates[template] });
      const error = result.takeError();
      const document = result.result;
      if (error || !document) {
        const diagnostics = error ? compiler.fetchDiagnostics(error) : [];
        throw new TypesettingEngineError(describe(diagnostics));
      }
      const placements = (
        template === 'document' ? compiler.query(document, { selector: PLACEMENTS_QUERY }) : []
      ) as { value: ArticlePlacement[] }[];
      const pdf = compiler.pdf(document, {
        // A fixed date makes the same inputs give the same bytes (and the same checksum).
        creationTimestamp: Math.floor((creationTime ?? new Date(0)).getTime() / 1000),
      });
      return { pdf, pages: document.numOfPages, placements: placements[0]?.value ?? [] };
    } finally {
      compiler.resetShadow();
      // Keep nothing older than this run: memory stays flat over a worker's life.
      compiler.evictCache(1);
    }
  }
}

function describe(diagnostics: unknown[]): string {
  const messages = diagnostics
    .map((entry) => (entry as { message?: string }).message)
    .filter((message): message is string => Boolean(message));
  if (messages.length === 0) return 'the typesetting engine failed without a message';
  return messages.slice(0, 3).join('; ');
}
