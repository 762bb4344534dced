import { SUPPORTED_LOCALES } from '../common/i18n/locale';
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
