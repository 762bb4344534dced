import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../common/paths/project-root';
import type { TypstDocumentData } from './typst-document';

/** A font Tahkim typesets with, shipped by an npm package: never fetched at run time. */
export interface ShippedFont {
  family: 'Amiri' | 'Noto Serif';
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The TTF file on this machine. */
  path: string;
}

const FONT_PACKAGES = [
  { family: 'Amiri', pkg: '@expo-google-fonts/amiri', prefix: 'Amiri' },
  { family: 'Noto Serif', pkg: '@expo-google-fonts/noto-serif', prefix: 'NotoSerif' },
] as const;

const FONT_STYLES = [
  { weight: 400, style: 'normal', name: '400Regular' },
  { weight: 700, style: 'normal', name: '700Bold' },
  { weight: 400, style: 'italic', name: '400Regular_Italic' },
  { weight: 700, style: 'italic', name: '700Bold_Italic' },
] as const;

export function shippedFonts(): ShippedFont[] {
  return FONT_PACKAGES.flatMap(({ family, pkg, prefix }) => {
    const folder = dirname(require.resolve(`${pkg}/package.json`));
    return FONT_STYLES.map(({ weight, style, name }) => ({
      family,
      weight,
      style,
      path: join(folder, name, `${prefix}_${name}.ttf`),
    }));
  });
}

export function fontBlobs(): Buffer[] {
  return shippedFonts().map((font) => readFileSync(font.path));
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

// The process's resident memory above which the compiler's caches are evicted: a 200-page issue
// adds about 150 MiB to them, so the worker peaks well under 1 GiB.
const TYPST_MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

// Where the template reports each article's pages (see the end of tahkim.typ).
const PLACEMENTS_QUERY = '<tahkim-placements>';

/**
 * Typst, through its Node binding: one compiler per process (fonts parsed once), fed the
 * template and the document's data as in-memory files. Its caches speed up a re-run but grow
 * with every document, so they are evicted once the process passes its memory budget (see
 * relieveMemory).
 */
export class TypstEngine {
  private readonly compiler: NodeCompiler;
  private readonly templates: Record<'document' | 'certificate', string>;
  private compiledSinceEviction = false;

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

  /** Lays a document out: its data, or that data's JSON when the caller has it (to hash it). */
  render(
    data: TypstDocumentData | string,
    files: Map<string, Buffer>,
    creationTime?: Date,
  ): TypstOutput {
    return this.compile('document', data, files, creationTime);
  }

  /**
   * Evicts the compiler's caches if the process has passed its memory budget: everything the
   * last document did not use goes. The caches speed up the next document (a corrected proof is
   * laid out again in a fraction of the time) but grow with each one. Evicting takes up to a
   * tenth of a second, so the issue pipeline calls this while its other thread cuts the PDFs;
   * each compile also calls it first, so the budget holds whoever the caller is.
   */
  relieveMemory(): void {
    if (!this.compiledSinceEviction) return;
    if (process.memoryUsage.rss() > TYPST_MEMORY_BUDGET_BYTES) {
      this.compiler.evictCache(1);
      this.compiledSinceEviction = false;
    }
  }

  /** A one-page document from the certificate template (its data is the template's own). */
  renderCertificate(data: object, creationTime: Date): Buffer {
    return this.compile('certificate', data, new Map(), creationTime).pdf;
  }

  private compile(
    template: 'document' | 'certificate',
    data: object | string,
    files: Map<string, Buffer>,
    creationTime?: Date,
  ): TypstOutput {
    const compiler = this.compiler;
    this.relieveMemory();
    const json = typeof data === 'string' ? data : JSON.stringify(data);
    compiler.resetShadow();
    compiler.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(json, 'utf8'));
    for (const [path, bytes] of files) compiler.mapShadow(`${WORKSPACE}${path}`, bytes);
    try {
      this.compiledSinceEviction = true;
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
        // Untagged: article PDFs are cut from the pages, and a cut cannot carry the
        // issue's structure tree, so tags would only be in the issue PDF, where they double its
        // size and the time to cut it (see the README's typesetting section).
        pdfTags: false,
      });
      return { pdf, pages: document.numOfPages, placements: placements[0]?.value ?? [] };
    } finally {
      compiler.resetShadow();
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
