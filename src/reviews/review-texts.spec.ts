import { SUPPORTED_LOCALES } from '../common/i18n/locale';
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

describe('defaultInvitationMessage', () => {
  it.each(SUPPORTED_LOCALES)(
    'in %s, greets the reviewer, names the manuscript, journal and due date, and is signed by the editor',
    (locale) => {
      const message = defaultInvitationMessage(locale, invitation);
      expect(message).toContain(invitation.reviewerName);
      expect(message).toContain(invitation.title);
      expect(message).toContain(invitation.journalTitle);
      expect(message).toContain(invitation.reviewDueDate);
      expect(message.trimEnd().endsWith(invitation.editorName)).toBe(true);
    },
  );

  it.each(SUPPORTED_LOCALES)('in %s, never mentions an author', (locale) => {
    expect(defaultInvitationMessage(locale, invitation)).not.toMatch(AUTHOR_WORD[locale]);
  });

  it.each(SUPPORTED_LOCALES)(
    'in %s, is plain text in 3 to 5 paragraphs between the greeting and the signature',
    (locale) => {
      const message = defaultInvitationMessage(locale, invitation);
      expect(message).not.toMatch(/[<>]/);
      expect(message).not.toMatch(/\n{3,}/);
      const paragraphs = message.split('\n\n');
      expect(paragraphs.length - 2).toBeGreaterThanOrEqual(3);
      expect(paragraphs.length - 2).toBeLessThanOrEqual(5);
    },
  );

  it('follows French typography: non-breaking spaces inside « » and before : ; ? !', () => {
    const message = defaultInvitationMessage('fr', invitation);
    expect(message).toContain(`«\u00A0${invitation.title}\u00A0»`);
    expect(message).not.toMatch(/ [:;?!»]|« /);
    expect(message).not.toContain("'");
  });

  it('opens an Arabic message with the customary greeting', () => {
    expect(defaultInvitationMessage('ar', invitation)).toMatch(
      /^حضرة Leila Haddad،\nتحية طيبة وبعد،\n\n/,
    );
  });
});

describe('defaultThanksMessage', () => {
  it.each(SUPPORTED_LOCALES)(
    'in %s, thanks the reviewer for the manuscript and is signed by the editor',
    (locale) => {
      const message = defaultThanksMessage(locale, invitation);
      expect(message).toContain(invitation.reviewerName);
      expect(message).toContain(invitation.title);
      expect(message).toContain(invitation.journalTitle);
      expect(message.trimEnd().endsWith(invitation.editorName)).toBe(true);
      expect(message).not.toMatch(/\n{3,}/);
    },
  );
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
