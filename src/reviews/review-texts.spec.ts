import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { EmailRenderer } from '../mail/email-renderer.service';
import {
  defaultInvitationMessage,
  defaultThanksMessage,
  RECOMMENDATION_NAMES,
  REVIEW_METHOD_NAMES,
  reviewerLabel,
} from './review-texts';
import { RECOMMENDATIONS, REVIEW_METHODS } from './review-vocabulary';

const invitation = {
  reviewerName: 'Leila Haddad',
  journalTitle: 'Journal of Maghreb Studies',
  title: 'Water rights in the oases of the Souf',
  editorName: 'Omar Benali',
  reviewDueDate: '2026-03-15',
};

/** The word for author in each language, in any form (مؤلّف with or without the shadda). */
const AUTHOR_WORD = { ar: /مؤل|باحث/, en: /author/i, fr: /auteur/i } as const;

describe('review method and recommendation names', () => {
  it.each(SUPPORTED_LOCALES)('names every review method in %s', (locale) => {
    for (const method of REVIEW_METHODS) {
      expect(REVIEW_METHOD_NAMES[locale][method].trim()).not.toBe('');
    }
    expect(Object.keys(REVIEW_METHOD_NAMES[locale]).sort()).toEqual([...REVIEW_METHODS].sort());
  });

  it.each(SUPPORTED_LOCALES)('names every recommendation in %s', (locale) => {
    for (const recommendation of RECOMMENDATIONS) {
      expect(RECOMMENDATION_NAMES[locale][recommendation].trim()).not.toBe('');
    }
    expect(new Set(Object.values(RECOMMENDATION_NAMES[locale])).size).toBe(RECOMMENDATIONS.length);
  });

  it('uses the established names for the review methods', () => {
    expect(REVIEW_METHOD_NAMES.ar).toEqual({
      double_anonymous: 'تحكيم مزدوج التعمية',
      anonymous: 'تحكيم أحادي التعمية',
      open: 'تحكيم مفتوح',
    });
    expect(REVIEW_METHOD_NAMES.en.double_anonymous).toBe('double-anonymous');
    expect(REVIEW_METHOD_NAMES.fr.double_anonymous).toBe('évaluation en double anonymat');
  });
});

/** How a letter opens or closes in each language: the email templates do that, not the messages. */
const GREETING = /^\s*(Dear|Hello|Bonjour|Cher|Chère|Madame|Monsieur|حضرة|مرحب|تحية)/;
const CLOSING =
  /(Kind regards|Best regards|Yours|cordialement|Bien à vous|salutations|مع خالص|مع التحية|وتفضّلوا)/i;

describe('defaultInvitationMessage', () => {
  it.each(SUPPORTED_LOCALES)('in %s, names the manuscript, journal and due date', (locale) => {
    const message = defaultInvitationMessage(locale, invitation);
    expect(message).toContain(invitation.title);
    expect(message).toContain(invitation.journalTitle);
    expect(message).toContain(invitation.reviewDueDate);
  });

  it.each(SUPPORTED_LOCALES)(
    'in %s, neither greets nor signs: the review-invitation email already does both',
    (locale) => {
      const message = defaultInvitationMessage(locale, invitation);
      expect(message).not.toMatch(GREETING);
      expect(message).not.toMatch(CLOSING);
      expect(message).not.toContain(invitation.reviewerName);
      expect(message).not.toContain(invitation.editorName);
    },
  );

  it.each(SUPPORTED_LOCALES)('in %s, never mentions an author', (locale) => {
    expect(defaultInvitationMessage(locale, invitation)).not.toMatch(AUTHOR_WORD[locale]);
  });

  it.each(SUPPORTED_LOCALES)('in %s, is plain text in 2 to 4 paragraphs', (locale) => {
    const message = defaultInvitationMessage(locale, invitation);
    expect(message).not.toMatch(/[<>]/);
    expect(message).not.toMatch(/\n{3,}/);
    expect(message).toBe(message.trim());
    const paragraphs = message.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    expect(paragraphs.length).toBeLessThanOrEqual(4);
  });

  it('follows French typography: non-breaking spaces inside « » and before : ; ? !', () => {
    const message = defaultInvitationMessage('fr', invitation);
    expect(message).toContain(`«\u00A0${invitation.title}\u00A0»`);
    expect(message).not.toMatch(/ [:;?!»]|« /);
    expect(message).not.toContain("'");
  });

  it('opens an Arabic message with the invitation itself, not a second greeting', () => {
    expect(defaultInvitationMessage('ar', invitation)).toMatch(/^يسرّني أن أدعوك/);
  });
});

describe('defaultThanksMessage', () => {
  it.each(SUPPORTED_LOCALES)(
    'in %s, thanks the reviewer for the manuscript, without greeting or signing',
    (locale) => {
      const message = defaultThanksMessage(locale, invitation);
      expect(message).toContain(invitation.title);
      expect(message).toContain(invitation.journalTitle);
      expect(message).not.toMatch(GREETING);
      expect(message).not.toMatch(CLOSING);
      expect(message).not.toContain(invitation.reviewerName);
      expect(message).not.toContain(invitation.editorName);
      expect(message).not.toMatch(/[<>]/);
      expect(message).not.toMatch(/\n{3,}/);
    },
  );

  it('follows French typography: non-breaking spaces inside « » and before : ; ? !', () => {
    const message = defaultThanksMessage('fr', invitation);
    expect(message).toContain(`«\u00A0${invitation.title}\u00A0»`);
    expect(message).not.toMatch(/ [:;?!»]|« /);
    expect(message).not.toContain("'");
  });
});

describe('the default messages inside their emails', () => {
  const renderer = new EmailRenderer();
  const GREETS = { ar: /حضرة/g, en: /Dear /g, fr: /Bonjour/g } as const;
  const SIGNS = { ar: /مع خالص التحية/g, en: /Kind regards/g, fr: /Bien cordialement/g } as const;
  const email = {
    siteUrl: 'https://journals.example.org',
    recipientName: invitation.reviewerName,
    journal: { title: invitation.journalTitle, url: 'https://journals.example.org/j' },
    submissionNumber: 'MAG-2026-0007',
    title: invitation.title,
  };

  it.each(SUPPORTED_LOCALES)('in %s, greet and sign the reviewer exactly once', (locale) => {
    const invitationEmail = renderer.render('review-invitation', locale, {
      ...email,
      abstract: '',
      reviewMethod: REVIEW_METHOD_NAMES[locale].double_anonymous,
      authorsHidden: true,
      personalMessage: defaultInvitationMessage(locale, invitation),
      responseDueDate: '2026-03-01',
      reviewDueDate: invitation.reviewDueDate,
      round: 1,
      respondUrl: 'https://journals.example.org/r',
    });
    const thanksEmail = renderer.render('review-thanks', locale, {
      ...email,
      personalMessage: defaultThanksMessage(locale, invitation),
    });
    for (const { text } of [invitationEmail, thanksEmail]) {
      expect(text.match(GREETS[locale])).toHaveLength(1);
      expect(text.match(SIGNS[locale])).toHaveLength(1);
      expect(text.split(invitation.reviewerName)).toHaveLength(2);
    }
  });
});

describe('reviewerLabel', () => {
  it('letters the first reviewers', () => {
    expect([0, 1, 2].map((i) => reviewerLabel('en', i))).toEqual([
      'Reviewer A',
      'Reviewer B',
      'Reviewer C',
    ]);
    expect([0, 1].map((i) => reviewerLabel('fr', i))).toEqual(['Évaluateur A', 'Évaluateur B']);
  });

  it('letters Arabic reviewers in the abjadi order', () => {
    const labels = Array.from({ length: 10 }, (_, i) => reviewerLabel('ar', i));
    expect(labels).toEqual(
      ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي'].map((letter) => `المحكّم (${letter})`),
    );
  });

  it.each(SUPPORTED_LOCALES)('in %s, numbers the reviewers after the tenth', (locale) => {
    expect(reviewerLabel(locale, 9)).not.toMatch(/\d/);
    expect(reviewerLabel(locale, 10)).toMatch(/ 11$/);
    expect(reviewerLabel(locale, 11)).toMatch(/ 12$/);
  });

  it('gives "Reviewer 11" and «المحكّم 11» for the eleventh reviewer', () => {
    expect(reviewerLabel('en', 10)).toBe('Reviewer 11');
    expect(reviewerLabel('fr', 10)).toBe('Évaluateur 11');
    expect(reviewerLabel('ar', 10)).toBe('المحكّم 11');
  });

  it.each(SUPPORTED_LOCALES)('in %s, gives every reviewer a distinct label', (locale) => {
    const labels = Array.from({ length: 30 }, (_, i) => reviewerLabel(locale, i));
    expect(new Set(labels).size).toBe(30);
  });

  it('refuses an index that is not a whole number from 0', () => {
    expect(() => reviewerLabel('en', -1)).toThrow(RangeError);
    expect(() => reviewerLabel('en', 1.5)).toThrow(RangeError);
  });
});
