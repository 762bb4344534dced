import type Handlebars from 'handlebars';
import {
  directionOf,
  isLocale,
  type Locale,
  type LocalizedText,
  SUPPORTED_LOCALES,
} from '../../common/i18n/locale';
import { displayName, type PersonNames } from '../../editorial/people';
import type { AssetPipeline } from './assets';
import {
  type DateStyle,
  type Digits,
  formatDate,
  formatList,
  formatNumber,
  languageName,
} from './intl';
import type { Messages, MessageValues } from './messages';

/** What every render hands its helpers (`@locale`, `@digits` in a template). */
export interface RenderData {
  locale: Locale;
  digits: Digits;
  /** The Intl tag of the locale and digits, e.g. `ar-u-ca-gregory-nu-latn`. */
  intl: string;
}

interface HelperOptions {
  hash: Record<string, unknown>;
  data: RenderData;
}

/** Elements `localized` may wrap a text in (a template names them; nothing else is accepted). */
const ELEMENTS = new Set(['span', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'li', 'dd', 'dt', 'td']);

/** The text to show for a page in `locale`, and the language it is really in. */
export function pickText(
  value: LocalizedText | string | null | undefined,
  locale: Locale,
  prefer?: unknown,
): { text: string; lang: Locale | null } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value ? { text: value, lang: null } : null;
  const order = [locale, ...(isLocale(prefer) ? [prefer] : []), ...SUPPORTED_LOCALES];
  for (const candidate of order) {
    const text = value[candidate];
    if (text) return { text, lang: candidate };
  }
  return null;
}

/**
 * The helpers every web template may use. `engine` is the Handlebars environment of the views;
 * `messages` the UI catalogs; `assets` the hashed asset names.
 */
export function registerViewHelpers(
  engine: typeof Handlebars,
  messages: Messages,
  assets: AssetPipeline,
): void {
  const { escapeExpression: escape } = engine.Utils;
  const safe = (html: string) => new engine.SafeString(html);
  /** Handlebars passes its options last: the arguments before them. */
  const split = (args: unknown[]) => ({
    values: args.slice(0, -1),
    options: args.at(-1) as HelperOptions,
  });

  /**
   * `{{t "article.pages" first=1 last=12}}`: a message in the page's language (`locale="en"`
   * for another). Text arguments are isolated (U+2068…U+2069), so a Latin name inside an Arabic
   * sentence cannot reorder the words around it.
   */
  engine.registerHelper('t', (key: unknown, options: HelperOptions) => {
    const { locale: asked, ...hash } = options.hash;
    const locale = isLocale(asked) ? asked : options.data.locale;
    const values: MessageValues = {};
    for (const [name, value] of Object.entries(hash))
      values[name] = typeof value === 'string' ? isolate(value) : (value as MessageValues[string]);
    return messages.format(locale, String(key), values, options.data.digits);
  });

  /**
   * `{{localized journal.titles}}`: the text in the page's language, else in another one it
   * has, which then carries its own `lang` and `dir`: `<span lang="en" dir="ltr">…</span>` on an
   * Arabic page. A plain string (language unknown) is isolated in `<bdi>`. Options: `tag="h2"`
   * (the element, given `lang`/`dir` when they differ from the page's), `class`, `block=true`
   * (paragraphs from blank lines), `prefer=journal.primaryLocale` (the next language to try).
   */
  engine.registerHelper('localized', (value: unknown, options: HelperOptions) => {
    const picked = pickText(value as LocalizedText, options.data.locale, options.hash.prefer);
    const tag = String(options.hash.tag ?? (options.hash.block ? 'div' : 'span'));
    if (!ELEMENTS.has(tag)) throw new Error(`localized: <${tag}> is not an element it writes`);
    if (!picked) return '';
    const foreign = picked.lang !== null && picked.lang !== options.data.locale;
    const content = options.hash.block ? paragraphs(picked.text, escape) : escape(picked.text);
    const classAttribute = options.hash.class
      ? ` class="${escape(String(options.hash.class))}"`
      : '';
    const inline = !options.hash.tag && !options.hash.block;
    if (picked.lang === null && inline) return safe(`<bdi${classAttribute}>${content}</bdi>`);
    const language = foreign
      ? ` lang="${picked.lang}" dir="${directionOf(picked.lang!)}"`
      : picked.lang === null
        ? ' dir="auto"'
        : '';
    if (inline && !classAttribute && !language) return safe(content);
    return safe(`<${tag}${classAttribute}${language}>${content}</${tag}>`);
  });

  /** `{{text journal.titles}}`: the same choice, as plain text (a title, an attribute). */
  engine.registerHelper('text', (value: unknown, options: HelperOptions) =>
    String(pickText(value as LocalizedText, options.data.locale, options.hash.prefer)?.text ?? ''),
  );

  /** `{{langOf article.titles}}`: the language `localized` would show it in ('' if unknown). */
  engine.registerHelper(
    'langOf',
    (value: unknown, options: HelperOptions) =>
      pickText(value as LocalizedText, options.data.locale, options.hash.prefer)?.lang ?? '',
  );

  /** `{{name author.names}}`: a person's name in the script that suits the page, in `<bdi>`. */
  engine.registerHelper('name', (names: unknown, options: HelperOptions) => {
    const text = names ? displayName(names as PersonNames, options.data.locale) : '';
    return text ? safe(`<bdi>${escape(text)}</bdi>`) : '';
  });

  /** `{{bdi value}}`: any text of unknown direction, isolated. */
  engine.registerHelper('bdi', (value: unknown) =>
    value === null || value === undefined || value === ''
      ? ''
      : safe(`<bdi>${escape(String(value))}</bdi>`),
  );

  /** `{{date issue.publishedAt}}` (style="long" | "medium" | "short" | "year"). */
  engine.registerHelper('date', (value: unknown, options: HelperOptions) =>
    value ? formatDate(value as Date, options.data.intl, options.hash.style as DateStyle) : '',
  );

  /** `{{isoDate issue.publishedAt}}`: 2026-03-12, for `<time datetime>`. */
  engine.registerHelper('isoDate', (value: unknown) => {
    const date = value ? new Date(value as Date) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : '';
  });

  /** `{{number count}}`: in the page's language and digits. */
  engine.registerHelper('number', (value: unknown, options: HelperOptions) =>
    typeof value === 'number' ? formatNumber(value, options.data.intl) : '',
  );

  /** `{{language "en"}}`: the language's name in the page's language. */
  engine.registerHelper('language', (code: unknown, options: HelperOptions) =>
    typeof code === 'string' ? languageName(code, options.data.intl) : '',
  );

  /** `{{languageList journal.languages}}`: «العربية والإنجليزية», "Arabic and English". */
  engine.registerHelper('languageList', (codes: unknown, options: HelperOptions) =>
    Array.isArray(codes)
      ? formatList(
          codes.map((code) => languageName(String(code), options.data.intl)),
          options.data.intl,
        )
      : '',
  );

  /** `{{dirOf "en"}}`: ltr. */
  engine.registerHelper('dirOf', (locale: unknown) =>
    isLocale(locale) ? directionOf(locale) : '',
  );

  /** `{{asset "css/site.css"}}`: its content-hashed address. */
  engine.registerHelper('asset', (name: unknown) => assets.url(String(name)));

  /**
   * `{{path "j" journal.slug "about"}}`: `/ar/j/volunteering/about`, each segment encoded;
   * `locale="en"` for another language's address. No segment: the language's home, `/ar/`.
   */
  engine.registerHelper('path', (...args: unknown[]) => {
    const { values, options } = split(args);
    const locale = isLocale(options.hash.locale) ? options.hash.locale : options.data.locale;
    const segments = values.map((segment) => encodeURIComponent(String(segment)));
    return `/${locale}/${segments.join('/')}`;
  });

  /** `{{t (concat "about.review." review.policy)}}`: strings joined, for a computed key. */
  engine.registerHelper('concat', (...args: unknown[]) => split(args).values.join(''));
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  engine.registerHelper('not', (value: unknown) => !value);
  /** As JavaScript's `&&` and `||`: `(or lastPage firstPage)` is the first value that is set. */
  engine.registerHelper('and', (...args: unknown[]) => {
    const { values } = split(args);
    const falsy = values.findIndex((value) => !value);
    return values[falsy === -1 ? values.length - 1 : falsy];
  });
  engine.registerHelper('or', (...args: unknown[]) => {
    const { values } = split(args);
    const truthy = values.findIndex(Boolean);
    return values[truthy === -1 ? values.length - 1 : truthy];
  });

  /**
   * `{{json data}}`: JSON safe inside `<script type="application/ld+json">` (no `<`, `>` or
   * `&` that could close the element).
   */
  engine.registerHelper('json', (value: unknown) =>
    safe(
      JSON.stringify(value ?? null)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029'),
    ),
  );
}

/** A text in first-strong isolates: its direction is its own, and stays inside. */
export const isolate = (text: string): string => (text ? `\u2068${text}\u2069` : text);

/** Plain text as paragraphs: a blank line starts a new one, a line break stays one. */
function paragraphs(text: string, escape: (value: string) => string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
