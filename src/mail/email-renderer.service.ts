import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { convert } from 'html-to-text';
import { directionOf, SUPPORTED_LOCALES, type Locale } from '../common/i18n/locale';
import { projectRoot } from '../common/paths/project-root';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Facts every email may show, whatever its template. */
export interface EmailContext {
  recipientName?: string | null;
  journal?: { title: string; url: string } | null;
  siteUrl: string;
  [key: string]: unknown;
}

export class EmailTemplateNotFoundError extends Error {
  constructor(template: string, locale: string) {
    super(`email template "${template}" does not exist for locale "${locale}"`);
    this.name = 'EmailTemplateNotFoundError';
  }
}

const SITE_NAMES: Record<Locale, string> = { ar: 'تحكيم', en: 'Tahkim', fr: 'Tahkim' };
const FONT_STACKS = {
  rtl: "'Noto Naskh Arabic', 'Amiri', 'Segoe UI', Tahoma, Arial, sans-serif",
  ltr: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
};
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
/** Runs of white space in a subject line, except the no-break spaces French typography puts there. */
const SUBJECT_SPACES = /[^\S\u00A0\u202F]+/g;

/**
 * Multi-line plain text (a letter, a reason, a personal message, comments, an abstract) as HTML:
 * escaped, with each line break a <br>. Mail clients such as Outlook ignore `white-space:
 * pre-line`, and the plain-text part turns <br> back into line breaks.
 */
export function multiline(value: unknown): Handlebars.SafeString {
  if (value === null || value === undefined) return new Handlebars.SafeString('');
  const escaped = Handlebars.Utils.escapeExpression(String(value));
  return new Handlebars.SafeString(escaped.replace(/\r\n?|\n/g, '<br>'));
}

interface CompiledTemplate {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

/**
 * Renders templates/email/<locale>/<name>.hbs inside the shared layout. A template's front
 * matter holds its subject line; its body is HTML; the plain-text part is derived from that HTML
 * so the two can never say different things. Arabic renders right-to-left.
 */
@Injectable()
export class EmailRenderer {
  private readonly root: string;
  private readonly engines = new Map<Locale, typeof Handlebars>();
  private readonly compiled = new Map<string, CompiledTemplate>();

  constructor(templatesDir?: string) {
    this.root = templatesDir ?? join(projectRoot(), 'templates', 'email');
  }

  render(template: string, locale: Locale, context: EmailContext): RenderedEmail {
    const engine = this.engine(locale);
    const { subject, body } = this.compile(engine, template, locale);
    const dir = directionOf(locale);
    const data = {
      ...context,
      lang: locale,
      dir,
      align: dir === 'rtl' ? 'right' : 'left',
      fontStack: FONT_STACKS[dir],
      site: { name: SITE_NAMES[locale], url: context.siteUrl },
    };
    const subjectLine = subject(data).replace(SUBJECT_SPACES, ' ').trim();
    const bodyHtml = body(data);
    const footerHtml = this.wrapper(locale, engine, 'footer')(data);
    const html = this.wrapper(
      locale,
      engine,
      'layout',
    )({
      ...data,
      subject: subjectLine,
      body: bodyHtml,
    });
    const text = convert(`${bodyHtml}<hr>${footerHtml}`, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
        { selector: 'hr', format: 'horizontalLine', options: { length: 20 } },
      ],
    });
    return { subject: subjectLine, html, text };
  }

  /** Every template name that exists in every locale (a template missing in one is a defect). */
  templateNames(): string[] {
    const perLocale = SUPPORTED_LOCALES.map(
      (locale) =>
        new Set(
          readdirSync(join(this.root, locale))
            .filter((file) => file.endsWith('.hbs'))
            .map((file) => basename(file, '.hbs')),
        ),
    );
    return [...perLocale[0]].filter((name) => perLocale.every((names) => names.has(name)));
  }

  private engine(locale: Locale): typeof Handlebars {
    let engine = this.engines.get(locale);
    if (engine) return engine;
    engine = Handlebars.create();
    // `{{multiline x}}`: Handlebars passes its options object last, so no argument means none.
    engine.registerHelper('multiline', (...args: unknown[]) =>
      multiline(args.length > 1 ? args[0] : undefined),
    );
    engine.registerPartial('layout', readFileSync(join(this.root, 'layout.hbs'), 'utf8'));
    // Shared partials first, then the locale's own, which may override them (e.g. the footer).
    for (const dir of [join(this.root, 'partials'), join(this.root, locale, 'partials')]) {
      for (const file of safeReaddir(dir).filter((name) => name.endsWith('.hbs'))) {
        engine.registerPartial(basename(file, '.hbs'), readFileSync(join(dir, file), 'utf8'));
      }
    }
    this.engines.set(locale, engine);
    return engine;
  }

  private wrapper(locale: Locale, engine: typeof Handlebars, partial: 'layout' | 'footer') {
    const cacheKey = `${locale}/_${partial}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      const call = engine.compile(`{{> ${partial}}}`);
      compiled = { subject: call, body: call };
      this.compiled.set(cacheKey, compiled);
    }
    return compiled.body;
  }

  private compile(engine: typeof Handlebars, template: string, locale: Locale): CompiledTemplate {
    const cacheKey = `${locale}/${template}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    if (!/^[a-z0-9-]+$/.test(template)) throw new EmailTemplateNotFoundError(template, locale);
    let source: string;
    try {
      source = readFileSync(join(this.root, locale, `${template}.hbs`), 'utf8');
    } catch {
      throw new EmailTemplateNotFoundError(template, locale);
    }
    const frontMatter = FRONT_MATTER.exec(source);
    const subjectLine = frontMatter?.[1]
      .split(/\r?\n/)
      .find((line) => line.startsWith('subject:'))
      ?.slice('subject:'.length)
      .trim();
    if (!subjectLine) throw new Error(`${cacheKey}.hbs has no "subject:" line in its front matter`);
    const compiled = {
      // A subject is plain text, not HTML: no entity escaping.
      subject: engine.compile(subjectLine, { noEscape: true }),
      body: engine.compile(source.slice(frontMatter![0].length)),
    };
    this.compiled.set(cacheKey, compiled);
    return compiled;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
