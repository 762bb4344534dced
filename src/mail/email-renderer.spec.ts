import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { projectRoot } from '../common/paths/project-root';
import { EmailRenderer, EmailTemplateNotFoundError } from './email-renderer.service';
import { EMAIL_TEMPLATE_NAMES } from './email-templates';

describe('EmailRenderer', () => {
  const renderer = new EmailRenderer();
  const context = {
    siteUrl: 'https://journals.example.org',
    recipientName: 'Amina <b>El Idrissi</b>',
    journal: {
      title: 'Journal of Volunteer Work & Civil Society',
      url: 'https://journals.example.org/j/v',
    },
    verificationUrl: 'https://journals.example.org/verify?token=abc&x=1',
    expiresInHours: 48,
  };

  it('has every declared template in every locale', () => {
    expect(renderer.templateNames().sort()).toEqual([...EMAIL_TEMPLATE_NAMES].sort());
  });

  it.each(SUPPORTED_LOCALES)(
    'renders account-verification in %s with subject, HTML and text',
    (locale) => {
      const email = renderer.render('account-verification', locale, context);
      expect(email.subject.length).toBeGreaterThan(10);
      expect(email.subject).not.toMatch(/[\n{}]/);
      expect(email.html).toContain(
        `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
      );
      // Handlebars escapes "=" and "&" too: valid HTML that every mail client decodes.
      expect(email.html).toContain(
        'href="https://journals.example.org/verify?token&#x3D;abc&amp;x&#x3D;1"',
      );
      expect(email.text).toContain('https://journals.example.org/verify?token=abc&x=1');
      expect(email.text).toContain('48');
      expect(email.text).not.toMatch(/<(p|a|table|td|br)[ >]/);
    },
  );

  it('aligns Arabic to the right and keeps URLs left-to-right inside it', () => {
    const email = renderer.render('account-verification', 'ar', context);
    expect(email.html).toContain('text-align:right');
    expect(email.html).toContain('<p dir="ltr" style="text-align:left;');
  });

  it('escapes data in the HTML but not in the subject', () => {
    const email = renderer.render('account-verification', 'en', context);
    expect(email.html).toContain('Amina &lt;b&gt;El Idrissi&lt;/b&gt;');
    expect(email.html).not.toContain('<b>El Idrissi</b>');
    expect(email.subject).toBe(
      'Confirm your email address for Journal of Volunteer Work & Civil Society',
    );
  });

  it('greets without a name when there is none', () => {
    const email = renderer.render('account-verification', 'fr', {
      ...context,
      recipientName: null,
    });
    expect(email.text.startsWith('Bonjour,')).toBe(true);
  });

  it('refuses a template that does not exist, or a name that could be a path', () => {
    expect(() => renderer.render('no-such-template', 'en', context)).toThrow(
      EmailTemplateNotFoundError,
    );
    expect(() => renderer.render('../layout', 'en', context)).toThrow(EmailTemplateNotFoundError);
  });
});

describe('multi-line text in emails', () => {
  const renderer = new EmailRenderer();
  const letter = (body: string) =>
    renderer.render('decision-letter', 'en', {
      siteUrl: 'https://journals.example.org',
      submissionNumber: 'VOL-2026-0001',
      title: 'Water rights',
      subject: 'Decision on your submission',
      body,
      reviews: [],
      revisionsDueDate: null,
      statusUrl: 'https://journals.example.org/s/1',
    });

  it('breaks the lines of a letter with <br>, which every mail client honours', () => {
    const email = letter('line1\nline2');
    expect(email.html).toContain('line1<br>line2');
    expect(email.html).not.toContain('pre-line');
    expect(letter('line1\r\nline2').html).toContain('line1<br>line2');
  });

  it('escapes the text before breaking its lines', () => {
    const email = letter('Dear author,\n<script>alert("x")</script>');
    expect(email.html).toContain(
      'Dear author,<br>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(email.html).not.toContain('<script>');
  });

  it('keeps the lines apart in the plain-text part', () => {
    const { text } = letter('line1\nline2\n\nline4');
    expect(text).toMatch(/^line1\nline2\n\nline4$/m);
  });

  it('has no white-space:pre-line left in any template, partial or layout', () => {
    const root = join(projectRoot(), 'templates', 'email');
    for (const file of templateFiles(root)) {
      expect({ file, preLine: readFileSync(file, 'utf8').includes('pre-line') }).toEqual({
        file,
        preLine: false,
      });
    }
  });

  it.each([
    ['review-declined-editor', { reason: 'a\nb', suggestedReviewer: 'c\nd' }, ['a<br>b', 'c<br>d']],
    ['submission-withdrawn', { reason: 'a\nb' }, ['a<br>b']],
    ['review-invitation', { abstract: 'a\nb', personalMessage: 'c\nd' }, ['a<br>b', 'c<br>d']],
    ['review-thanks', { personalMessage: 'a\nb' }, ['a<br>b']],
    [
      'decision-letter',
      { body: 'a\nb', reviews: [{ label: 'Reviewer A', comments: 'c\nd', files: [] }] },
      ['a<br>b', 'c<br>d'],
    ],
  ] as const)('breaks the lines of user text in %s, in every language', (template, data, shown) => {
    for (const locale of SUPPORTED_LOCALES) {
      const email = renderer.render(template, locale, {
        siteUrl: 'https://journals.example.org',
        journal: { title: 'J', url: 'https://journals.example.org/j' },
        ...data,
      });
      for (const html of shown) expect(email.html).toContain(html);
      const [first, second] = shown[0].split('<br>');
      expect(email.text).toContain(`${first}\n${second}`);
    }
  });
});

describe('French typography in the French templates', () => {
  const renderer = new EmailRenderer();
  const frenchRoot = join(projectRoot(), 'templates', 'email', 'fr');

  it.each(templateFiles(frenchRoot).map((file) => [relative(frenchRoot, file), file]))(
    '%s puts a no-break space, not an ordinary one, before : ; ? ! and inside « »',
    (_name, file) => {
      const visible = readFileSync(file, 'utf8')
        .replace(/\{\{[\s\S]*?\}\}/g, '')
        .replace(/<[^>]*>/g, '');
      const faults = visible.split('\n').filter((line) => /[ \t][:;?!»]|«[ \t]/.test(line));
      expect(faults).toEqual([]);
    },
  );

  it('keeps those no-break spaces in the subject and the plain-text part', () => {
    const email = renderer.render('review-declined-editor', 'fr', {
      siteUrl: 'https://journals.example.org',
      journal: { title: 'Revue', url: 'https://journals.example.org/j' },
      submissionNumber: 'VOL-2026-0001',
      round: 1,
      reason: '',
      suggestedReviewer: '',
      workflowUrl: 'https://journals.example.org/w',
    });
    expect(email.subject).toBe(
      'Invitation à évaluer déclinée\u00A0: soumission VOL-2026-0001 (tour 1)',
    );
    expect(email.text).toContain('Numéro de la soumission\u00A0: VOL-2026-0001');
    expect(email.text).not.toMatch(/ [:;?!»]|« /);
  });
});

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templateFiles(join(dir, entry.name))
      : entry.name.endsWith('.hbs')
        ? [join(dir, entry.name)]
        : [],
  );
}
