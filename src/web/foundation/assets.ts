import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { projectRoot } from '../../common/paths/project-root';

/** One file the site serves under `/assets/`, named by its content so it can be cached for good. */
export interface Asset {
  /** How templates name it: `css/site.css`. */
  name: string;
  /** Where it is served: `/assets/css/site.3f9a0c1d2e4b.css`. */
  url: string;
  contentType: string;
  body: Buffer;
  /** Precompressed forms of text assets, served to clients that accept them. */
  gzip?: Buffer;
  brotli?: Buffer;
  /** The content hash, quoted: the ETag. */
  etag: string;
}

export const ASSET_URL_PREFIX = '/assets/';

/** Only the weights the stylesheet uses (regular text, and headings and strong text). */
export const FONT_WEIGHTS = [400, 600] as const;
/** The scripts the three languages and their names need; Cyrillic is left out. */
export const FONT_SUBSETS = ['arabic', 'latin', 'latin-ext'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.mjs', '.json', '.svg', '.txt']);

const IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']\s*\)?\s*;/g;
const URL_REFERENCE = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

export interface AssetSources {
  /** The site's own assets: templates/web/assets. */
  root: string;
  /** Name → file of npm packages' files served as they are. */
  vendor: Record<string, string>;
  /**
   * The font faces to generate as `css/fonts.css` (with their woff2 files), from a @fontsource
   * package, or none. The UI typeface, IBM Plex Sans Arabic, covers Arabic and Latin in one design.
   */
  fonts: { packageDir: string; weights: readonly number[]; subsets: readonly string[] } | null;
}

export function defaultAssetSources(): AssetSources {
  return {
    root: join(projectRoot(), 'templates', 'web', 'assets'),
    // Files taken from npm packages as they are, by the name templates use. htmx is pinned in
    // package.json (2.0.11): served by the app, never from a CDN.
    vendor: { 'js/htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js') },
    fonts: {
      packageDir: dirname(require.resolve('@fontsource/ibm-plex-sans-arabic/package.json')),
      weights: FONT_WEIGHTS,
      subsets: FONT_SUBSETS,
    },
  };
}

/**
 * Builds every asset once, at start: the site's files, htmx, and the UI font's faces and files.
 * A stylesheet's `@import` of another local stylesheet is inlined (one request per page), and its
 * `url(…)` references become the hashed addresses of the files they name, so a page, its
 * stylesheet and its fonts change address together whenever one changes.
 */
export class AssetPipeline {
  private readonly byName = new Map<string, Asset>();
  private readonly byUrl = new Map<string, Asset>();

  constructor(sources: AssetSources = defaultAssetSources()) {
    const raw = new Map<string, Buffer>();
    for (const name of walk(sources.root)) raw.set(name, readFileSync(join(sources.root, name)));
    for (const [name, file] of Object.entries(sources.vendor)) raw.set(name, readFileSync(file));
    if (sources.fonts) for (const [name, body] of fontFaces(sources.fonts)) raw.set(name, body);

    // Everything a stylesheet may refer to first, then the stylesheets.
    for (const [name, body] of raw) if (extname(name) !== '.css') this.add(name, body);
    const expanded = new Map<string, string>();
    const expand = (name: string, trail: string[]): string => {
      if (trail.includes(name))
        throw new Error(`stylesheets import each other: ${[...trail, name].join(' → ')}`);
      const cached = expanded.get(name);
      if (cached !== undefined) return cached;
      const source = raw.get(name);
      if (!source) throw new Error(`${trail.at(-1)} imports ${name}, which is not an asset`);
      const text = this.rewriteUrls(name, source.toString('utf8')).replace(
        IMPORT,
        (_, target: string) => expand(resolve(name, target), [...trail, name]),
      );
      expanded.set(name, text);
      return text;
    };
    for (const name of raw.keys())
      if (extname(name) === '.css') this.add(name, Buffer.from(expand(name, []), 'utf8'));
  }

  /** The hashed address of an asset, for a template: `asset('css/site.css')`. */
  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`there is no asset "${name}"`);
    return asset.url;
  }

  /** The asset served at an address (its hash must match), if any. */
  served(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }

  list(): Asset[] {
    return [...this.byName.values()];
  }

  private add(name: string, body: Buffer): void {
    const extension = extname(name);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const url = `${ASSET_URL_PREFIX}${name.slice(0, -extension.length)}.${hash}${extension}`;
    const compressible = COMPRESSIBLE.has(extension);
    const asset: Asset = {
      name,
      url,
      contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      body,
      gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
      brotli: compressible
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : undefined,
      etag: `"${hash}"`,
    };
    this.byName.set(name, asset);
    this.byUrl.set(url, asset);
  }

  /** `url(../images/mark.svg)` in css/site.css → `url(/assets/images/mark.1a2b3c4d5e6f.svg)`. */
  private rewriteUrls(name: string, css: string): string {
    return css.replace(URL_REFERENCE, (whole, _quote: string, target: string) => {
      if (/^(data:|https?:|\/|#)/.test(target)) return whole;
      if (target.endsWith('.css')) return whole; // an @import url(…), inlined next
      const asset = this.byName.get(resolve(name, target));
      if (!asset) throw new Error(`${name} refers to ${target}, which is not an asset`);
      return `url(${asset.url})`;
    });
  }
}

/** An asset's name relative to another's folder: ('css/site.css', '../fonts/a.woff2') → 'fonts/a.woff2'. */
function resolve(from: string, target: string): string {
  return posix.normalize(posix.join(posix.dirname(from), target.split(/[?#]/)[0]));
}

/** Every file under a folder, by its path relative to it (dot files left out). */
function walk(root: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? walk(root, name) : [name];
    })
    .sort();
}

/**
 * `css/fonts.css` and its woff2 files, from the font package's own CSS for each weight: only
 * the chosen subsets, each with its `unicode-range` (a page downloads only the scripts it shows),
 * woff2 only (every browser the site supports reads it).
 */
function fontFaces(fonts: NonNullable<AssetSources['fonts']>): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const faces: string[] = [];
  const { packageDir } = fonts;
  for (const weight of fonts.weights) {
    const css = readFileSync(join(packageDir, `${weight}.css`), 'utf8');
    for (const face of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(face)?.[1];
      const subset = file && /-(arabic|latin-ext|latin|cyrillic-ext|cyrillic)-\d+-/.exec(file)?.[1];
      if (!file || !subset || !fonts.subsets.includes(subset)) continue;
      files.set(`fonts/${file}`, readFileSync(join(packageDir, 'files', file)));
      // `optional`, not the package's `swap`: a face that arrives after the first paint is not
      // swapped in, so text never moves under the reader (Lighthouse measured a layout shift of
      // 0.25-0.3 on the Arabic article page with `swap`). The layout preloads the page's script's
      // faces, which arrive in time; a later visit has every face in the browser's cache.
      faces.push(
        face
          .replace(/src:[^;]+;/, `src: url(../fonts/${file}) format('woff2');`)
          .replace(/font-display:\s*swap;/, 'font-display: optional;'),
      );
    }
  }
  if (faces.length === 0) throw new Error(`no font faces found in ${packageDir}`);
  files.set(
    'css/fonts.css',
    Buffer.from(`/* ${basename(packageDir)}, generated at start */\n${faces.join('\n')}\n`),
  );
  return files;
}
