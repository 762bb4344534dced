import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntlMessageFormat } from 'intl-messageformat';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { PASSWORD_PROBLEM_CODES } from '../../accounts';
import { JOURNAL_ROLES } from '../../editorial/roles';
import { REVIEW_POLICIES } from '../../journals';
import { ERROR_PAGE_STATUSES } from './error-pages';
import { type Catalog, Messages, MESSAGES_DIR, readCatalog } from './messages';
import { VIEWS_DIR } from './views';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
/** The element types of @formatjs/icu-messageformat-parser that name no argument. */
const LITERAL = 0;
const POUND = 7;

/** Every element of a message, nested ones (inside plural and select branches) included. */
function elements(ast: Element[]): Element[] {
  return ast.flatMap((element) => {
    const options = 'options' in element ? Object.values(element.options) : [];
    return [element, ...options.flatMap((option) => elements(option.value))];
  });
}

const isPlural = (element: Element): element is Element & { options: object } =>
  'pluralType' in element && 'options' in element;

/** Keys written literally in the templates: {{t "key"}} and {{t "key" …}}. */
function keysInTemplates(dir: string): { key: string; file: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .flatMap((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [...readFileSync(file, 'utf8').matchAll(/\{\{t\s+"([^"]+)"/g)].map((match) => ({
        key: match[1],
        file,
      }));
    });
}

/** What the catalogs must hold, checked against the files as they are. */
function catalogProblems(
  catalogs: Record<Locale, Catalog>,
  parse: (message: string, locale: Locale) => Element[],
) {
  const problems: string[] = [];
  const all = new Set(SUPPORTED_LOCALES.flatMap((locale) => Object.keys(catalogs[locale])));
  for (const locale of SUPPORTED_LOCALES) {
    for (const key of all)
      if (!(key in catalogs[locale])) problems.push(`${locale}: "${key}" is missing`);
    for (const [key, message] of Object.entries(catalogs[locale])) {
      let ast: Element[];
      try {
        ast = parse(message, locale);
      } catch (error) {
        problems.push(`${locale}: "${key}" does not parse: ${(error as Error).message}`);
        continue;
      }
      // Arabic says zero, one, two, few, many and other differently: each plural has them all.
      const required =
        locale === 'ar' ? ['zero', 'one', 'two', 'few', 'many', 'other'] : ['one', 'other'];
      for (const plural of elements(ast).filter(isPlural)) {
        const missing = required.filter((category) => !(category in plural.options));
        if (missing.length)
          problems.push(`${locale}: "${key}" lacks the plural forms ${missing.join(', ')}`);
      }
      // French typography: a no-break space before : ; ! ? » and after «, never a plain one.
      if (locale === 'fr' && / [:;!?»]|« /.test(message))
        problems.push(`fr: "${key}" has an ordinary space where French wants a no-break one`);
    }
  }
  // The same arguments in every language: a translation may not drop or rename one.
  for (const key of all) {
    const argumentsOf = (locale: Locale) => {
      if (!(key in catalogs[locale])) return '';
      try {
        return [
          ...new Set(
            elements(parse(catalogs[locale][key], locale))
              .filter(
                (element) =>
                  'value' in element &&
                  (element.type as number) !== LITERAL &&
                  (element.type as number) !== POUND,
              )
              .map((element) => (element as { value: string }).value),
          ),
        ]
          .sort()
          .join(',');
      } catch {
        return '';
      }
    };
    const english = argumentsOf('en');
    for (const locale of SUPPORTED_LOCALES)
      if (argumentsOf(locale) !== english)
        problems.push(
          `${locale}: "${key}" takes {${argumentsOf(locale)}}, English takes {${english}}`,
        );
  }
  return problems;
}

describe('the UI catalogs (templates/web/messages)', () => {
  let MessageFormat: typeof IntlMessageFormat;
  const catalogs = Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => [locale, readCatalog(locale)]),
  ) as Record<Locale, Catalog>;
  const parse = (message: string, locale: Locale) => new MessageFormat(message, locale).getAst();

  beforeAll(async () => {
    ({ IntlMessageFormat: MessageFormat } = await import('intl-messageformat'));
  });

  it('have every key in every language, every message parses, and plurals have their forms', () => {
    expect(catalogProblems(catalogs, parse)).toEqual([]);
  });

  it('hold every key the templates name, and the keys the code computes', () => {
    const messages = { ...catalogs.en };
    const missing = keysInTemplates(VIEWS_DIR())
      .filter(({ key }) => !(key in messages))
      .map(({ key, file }) => `${key} (${file})`);
    const computed = [
      ...REVIEW_POLICIES.map((policy) => `about.review.${policy}`),
      ...JOURNAL_ROLES.map((role) => `role.${role}`),
      // Forms word a service's refusal by its code, and class-validator's by its rule's name.
      ...PASSWORD_PROBLEM_CODES.map((code) => `form.error.${code}`),
      ...['isEmail', 'maxLength', 'isLength', 'isNotEmpty', 'isIn', 'isNotEmptyObject'].map(
        (rule) => `form.error.${rule}`,
      ),
      'form.error.invalid',
      ...[...ERROR_PAGE_STATUSES.map(String), 'client', 'server'].flatMap((status) => [
        `error.${status}.title`,
        `error.${status}.lead`,
      ]),
    ].filter((key) => SUPPORTED_LOCALES.some((locale) => !(key in catalogs[locale])));
    expect([...missing, ...computed]).toEqual([]);
  });

  // The checks above must be able to fail: each defect is caught on a copy of the catalogs.
  describe('find the defects they are for', () => {
    const broken = (change: (copy: Record<Locale, Catalog>) => void) => {
      const copy = structuredClone(catalogs);
      change(copy);
      return catalogProblems(copy, parse);
    };

    it('a key missing in one language', () => {
      expect(broken((copy) => delete copy.fr['home.current-issue'])).toEqual([
        'fr: "home.current-issue" is missing',
      ]);
    });

    it('a message that does not parse', () => {
      expect(broken((copy) => (copy.ar['home.no-issue'] = 'لم يصدر {العدد'))).toEqual([
        expect.stringMatching(/^ar: "home.no-issue" does not parse/),
      ]);
    });

    it('an Arabic plural without its six forms', () => {
      expect(
        broken(
          (copy) => (copy.ar['installation.count'] = '{count, plural, one {مجلة} other {# مجلة}}'),
        ),
      ).toEqual(['ar: "installation.count" lacks the plural forms zero, two, few, many']);
    });

    it('a French colon after an ordinary space', () => {
      expect(
        broken((copy) => (copy.fr['about.checklist'] = 'Les auteurs confirment que :')),
      ).toEqual(['fr: "about.checklist" has an ordinary space where French wants a no-break one']);
    });

    it('an argument renamed in a translation', () => {
      expect(
        broken((copy) => (copy.fr['journal.issn-online'] = 'ISSN {numero} (en ligne)')),
      ).toEqual(['fr: "journal.issn-online" takes {numero}, English takes {issn}']);
    });
  });
});

describe('Messages', () => {
  let messages: Messages;

  beforeAll(async () => {
    messages = await Messages.load();
  });

  it("formats Arabic's six plural forms, with Latin digits unless told otherwise", () => {
    const count = (n: number, digits?: 'latn' | 'arab') =>
      messages.format('ar', 'installation.count', { count: n }, digits);
    expect([0, 1, 2, 3, 11, 100].map((n) => count(n))).toEqual([
      'لا توجد مجلات بعد',
      'مجلة واحدة',
      'مجلتان',
      '3 مجلات',
      '11 مجلة',
      '100 مجلة',
    ]);
    expect(count(3, 'arab')).toBe('٣ مجلات');
  });

  it('formats English and French plurals and French numbers', () => {
    expect(messages.format('en', 'installation.count', { count: 1 })).toBe('1 journal');
    expect(messages.format('fr', 'installation.count', { count: 2 })).toBe('2 revues');
    expect(messages.format('fr', 'installation.count', { count: 0 })).toBe(
      'Aucune revue pour l’instant',
    );
  });

  it('refuses a key no catalog has', () => {
    expect(() => messages.format('en', 'no.such.key')).toThrow(/no message "no.such.key"/);
  });

  it('reads the catalogs from the templates folder', () => {
    expect(MESSAGES_DIR()).toMatch(/templates\/web\/messages$/);
  });

  describe('an area’s own catalogs (messages/<area>/<locale>.json)', () => {
    const dirWith = (files: Record<string, object>) => {
      const dir = mkdtempSync(join(tmpdir(), 'tahkim-messages-'));
      for (const [name, catalog] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), JSON.stringify(catalog));
      }
      return dir;
    };

    it('are merged into the language’s catalog', () => {
      const dir = dirWith({ 'en.json': { a: 'A' }, 'author/en.json': { 'author.b': 'B' } });
      expect(readCatalog('en', dir)).toEqual({ a: 'A', 'author.b': 'B' });
    });

    it('may not give a key another catalog has, nor leave a language out', () => {
      const twice = dirWith({ 'en.json': { a: 'A' }, 'author/en.json': { a: 'again' } });
      expect(() => readCatalog('en', twice)).toThrow(/"a" is already in another catalog/);
      const missing = dirWith({ 'fr.json': { a: 'A' }, 'author/en.json': { b: 'B' } });
      expect(() => readCatalog('fr', missing)).toThrow(/messages\/author has no fr.json/);
    });
  });
});
