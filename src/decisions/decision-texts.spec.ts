import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { DECISION_KINDS, type DecisionKind } from '../editorial/stages/stage-transitions';
import {
  DECISION_NAMES,
  defaultDecisionLetter,
  type DecisionLetterFacts,
  OUTCOME_NAMES,
} from './decision-texts';

const facts: DecisionLetterFacts = {
  authorName: 'Amina Saidi',
  journalTitle: 'Journal of Maghreb Studies',
  title: 'Water rights in the oases of the Souf',
  submissionNumber: 'JMS-2026-0042',
  editorName: 'Omar Benali',
  revisionsDueDate: '2026-05-31',
};

/** Decisions taken after review, whose letters point to the reviewers' comments appended below. */
const AFTER_REVIEW: DecisionKind[] = [
  'request_revisions',
  'resubmit_for_review',
  'accept',
  'decline',
];
const BELOW = { ar: /أدناه/, en: /below/, fr: /ci-dessous/ } as const;
const SIGNATURE = {
  ar: `\nOmar Benali\nعن هيئة تحرير Journal of Maghreb Studies`,
  en: `\nOmar Benali\nEditor, Journal of Maghreb Studies`,
  fr: `\nOmar Benali\nPour la rédaction de Journal of Maghreb Studies`,
} as const;

const everyCase = SUPPORTED_LOCALES.flatMap((locale) =>
  DECISION_KINDS.map((kind) => [locale, kind] as const),
);

describe('decision and outcome names', () => {
  it.each(everyCase)('in %s, names the decision %s for editors and reviewers', (locale, kind) => {
    expect(DECISION_NAMES[locale][kind].trim()).not.toBe('');
    expect(OUTCOME_NAMES[locale][kind].trim()).not.toBe('');
  });

  it.each(SUPPORTED_LOCALES)('in %s, gives each decision its own name', (locale) => {
    expect(new Set(Object.values(DECISION_NAMES[locale])).size).toBe(DECISION_KINDS.length);
    expect(new Set(Object.values(OUTCOME_NAMES[locale])).size).toBe(DECISION_KINDS.length);
  });

  it('names a desk reject as editors do', () => {
    expect(DECISION_NAMES.en.decline_without_review).toBe('Decline without review');
    expect(DECISION_NAMES.ar.decline_without_review).toBe('رفض دون تحكيم');
    expect(DECISION_NAMES.fr.decline_without_review).toBe('Refus sans évaluation');
  });

  it('tells reviewers what happened in plain words', () => {
    expect(OUTCOME_NAMES.en.accept).toBe('accepted for publication');
    expect(OUTCOME_NAMES.en.request_revisions).toBe('returned to the authors for revisions');
    expect(OUTCOME_NAMES.en.resubmit_for_review).toBe(
      'returned to the authors for revisions and a new review round',
    );
    expect(OUTCOME_NAMES.en.decline).toBe('declined');
  });
});

describe('defaultDecisionLetter', () => {
  it.each(everyCase)(
    'in %s, writes a %s letter to the author about the manuscript',
    (locale, kind) => {
      const { subject, body } = defaultDecisionLetter(kind, locale, facts);
      expect(subject).toContain(facts.submissionNumber);
      expect(subject).not.toContain('\n');
      expect(body).toContain(facts.authorName);
      expect(body).toContain(facts.title);
      expect(body).toContain(facts.submissionNumber);
      expect(body.endsWith(SIGNATURE[locale])).toBe(true);
    },
  );

  it.each(everyCase)('in %s, the %s letter is plain text in paragraphs', (locale, kind) => {
    const { body } = defaultDecisionLetter(kind, locale, facts);
    expect(body).not.toMatch(/[<>{}]|undefined|null/);
    expect(body).not.toMatch(/\n{3,}|^\s|\s$/);
    expect(body.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it.each(everyCase)(
    'in %s, the %s letter points to the reviewers’ comments only after review',
    (locale, kind) => {
      const { body } = defaultDecisionLetter(kind, locale, facts);
      if (AFTER_REVIEW.includes(kind)) expect(body).toMatch(BELOW[locale]);
      else expect(body).not.toMatch(BELOW[locale]);
    },
  );

  it.each(
    SUPPORTED_LOCALES.flatMap((locale) =>
      (['request_revisions', 'resubmit_for_review'] as const).map(
        (kind) => [locale, kind] as const,
      ),
    ),
  )('in %s, the %s letter gives the due date when there is one', (locale, kind) => {
    expect(defaultDecisionLetter(kind, locale, facts).body).toContain('2026-05-31');
    const undated = defaultDecisionLetter(kind, locale, { ...facts, revisionsDueDate: null });
    expect(undated.body).not.toContain('2026-05-31');
    expect(undated.body).not.toMatch(/null|undefined/);
  });

  it.each(everyCase)(
    'in %s, the %s letter shows no due date it was not asked for',
    (locale, kind) => {
      if (kind === 'request_revisions' || kind === 'resubmit_for_review') return;
      expect(defaultDecisionLetter(kind, locale, facts).body).not.toContain('2026-05-31');
    },
  );

  it.each([
    ['en', 'minor revisions', 'major revisions'],
    ['fr', 'révisions mineures', 'révisions majeures'],
    ['ar', 'تعديلات طفيفة', 'تعديلات جوهرية'],
  ] as const)('in %s, asks for minor or major revisions', (locale, minor, major) => {
    const asMinor = defaultDecisionLetter('request_revisions', locale, { ...facts, minor: true });
    const asMajor = defaultDecisionLetter('request_revisions', locale, { ...facts, minor: false });
    const unsaid = defaultDecisionLetter('request_revisions', locale, facts);
    expect(asMinor.body).toContain(minor);
    expect(asMinor.body).not.toContain(major);
    expect(asMajor.body).toContain(major);
    expect(asMajor.body).not.toContain(minor);
    expect(unsaid.body).toContain(major);
  });

  it('announces a new review round for a resubmission', () => {
    expect(defaultDecisionLetter('resubmit_for_review', 'en', facts).body).toMatch(
      /new round of peer review/,
    );
    expect(defaultDecisionLetter('resubmit_for_review', 'fr', facts).body).toMatch(
      /nouveau tour d’évaluation/,
    );
    expect(defaultDecisionLetter('resubmit_for_review', 'ar', facts).body).toMatch(
      /جولة تحكيم جديدة/,
    );
  });

  it('says a desk reject was taken without review', () => {
    const body = defaultDecisionLetter('decline_without_review', 'en', facts).body;
    expect(body).toMatch(/scope/);
    expect(body).toMatch(/not to send it out for peer review/);
  });

  it('opens an Arabic letter with the customary greeting', () => {
    expect(defaultDecisionLetter('accept', 'ar', facts).body).toMatch(
      /^حضرة Amina Saidi،\nتحية طيبة وبعد،\n\n/,
    );
  });

  it.each(DECISION_KINDS)(
    'follows French typography in the %s letter: non-breaking spaces and curly apostrophes',
    (kind) => {
      const { subject, body } = defaultDecisionLetter(kind, 'fr', facts);
      for (const text of [subject, body]) {
        expect(text).not.toMatch(/ [:;?!»]|« /);
        expect(text).not.toContain("'");
      }
      expect(body).toContain(`«\u00A0${facts.title}\u00A0»`);
    },
  );
});
