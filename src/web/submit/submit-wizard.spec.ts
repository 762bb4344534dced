import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { CONTRIBUTOR_ROLES, FILE_GENRES } from '../../submissions';
import { readCatalog } from '../foundation/messages';
import { fileReport, REPORT_KEYS } from './anonymisation-report';
import {
  applyAction,
  CONTRIBUTOR_ERROR_KEYS,
  contributorsBody,
  rowAction,
  rowValues,
  sentRows,
} from './contributors-form';
import { MISSING_KEYS, missingItems, stepOfField, WIZARD_STEPS } from './wizard-steps';

describe('the submission wizard’s words', () => {
  const catalogs = SUPPORTED_LOCALES.map((locale) => ({ locale, catalog: readCatalog(locale) }));

  /** Keys the wizard's code names as literals (flash messages, refusals), and those it computes. */
  const keys = [
    ...readdirSync(__dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .flatMap((file) => [
        ...readFileSync(join(__dirname, file), 'utf8').matchAll(/'(submit\.[a-z0-9.-]+)'/g),
      ])
      .map((match) => match[1])
      .filter((key) => !key.endsWith('.')),
    ...MISSING_KEYS,
    ...REPORT_KEYS,
    ...CONTRIBUTOR_ERROR_KEYS,
    ...WIZARD_STEPS.map((step) => `submit.step.${step}`),
    ...FILE_GENRES.map((genre) => `submit.genre.${genre}`),
    ...CONTRIBUTOR_ROLES.map((role) => `submit.role.${role}`),
  ];

  it('are in every catalog', () => {
    expect(keys.length).toBeGreaterThan(40);
    const missing = catalogs.flatMap(({ locale, catalog }) =>
      keys.filter((key) => !(key in catalog)).map((key) => `${locale}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('what the API says is missing, by step', () => {
  it('sends each field to the step that fixes it, in the wizard’s words', () => {
    const items = missingItems(
      [
        { field: 'metadata.ar', messages: ['the title, abstract and keywords … are required'] },
        { field: 'metadata.en', messages: ['this journal requires the title and abstract'] },
        { field: 'metadata.ar.keywords', messages: ['at least one keyword is required'] },
        {
          field: 'contributors',
          messages: ['exactly one contributor must be the corresponding author'],
        },
        { field: 'checklistConfirmed', messages: ['confirm every checklist item; unconfirmed: x'] },
        { field: 'copyrightAgreement', messages: ['the terms must be agreed to'] },
        { field: 'files', messages: ['a manuscript file is required'] },
        { field: 'somethingNew', messages: ['is new'] },
      ],
      'ar',
    );
    expect(items.map(({ step, key, locale, said }) => [step, key ?? said, locale])).toEqual([
      ['metadata', 'submit.missing.metadata-own', 'ar'],
      ['metadata', 'submit.missing.metadata-required', 'en'],
      ['metadata', 'submit.missing.keywords', 'ar'],
      ['contributors', 'submit.missing.corresponding', undefined],
      ['checklist', 'submit.missing.checklist', undefined],
      ['copyright', 'submit.missing.copyright', undefined],
      ['files', 'submit.missing.manuscript', undefined],
      // What the wizard does not know is shown as the API says it, on the review.
      ['review', 'somethingNew: is new', undefined],
    ]);
    expect(stepOfField('sectionId')).toBe('metadata');
  });
});

describe('the contributors’ form', () => {
  const values = {
    'contributors.0.email': 'leila@example.org',
    'contributors.0.names.Arab.given': 'ليلى',
    'contributors.0.inByline': 'true',
    'contributors.1.email': 'rachid@example.org',
    'contributors.1.names.Latn.given': 'Rachid',
    'contributors.1.names.Latn.family': 'Ouazzani',
    'contributors.2.email': 'maryam@example.org',
    'contributors.2.names.Latn.given': 'Maryam',
    'contributors.2.inByline': 'true',
    // The blank row for a new contributor, untouched but for its default role.
    'contributors.3.email': '',
    'contributors.3.role': 'author',
    corresponding: '1',
  };

  it('reads the rows in order, leaving the untouched new row out', () => {
    const { rows, corresponding } = sentRows(values);
    expect(rows.map((row) => row.texts.email)).toEqual([
      'leila@example.org',
      'rachid@example.org',
      'maryam@example.org',
    ]);
    expect(corresponding).toBe(1);
  });

  it('moves and removes rows, the corresponding author staying with theirs', () => {
    const moved = applyAction(sentRows(values), rowAction('move:1:0'));
    expect(moved.rows.map((row) => row.texts.email)[0]).toBe('rachid@example.org');
    expect(moved.corresponding).toBe(0);
    const dropped = applyAction(sentRows(values), rowAction('move:2:0'));
    expect(dropped.rows.map((row) => row.texts.email)).toEqual([
      'maryam@example.org',
      'leila@example.org',
      'rachid@example.org',
    ]);
    expect(dropped.corresponding).toBe(2);
    const removed = applyAction(sentRows(values), rowAction('remove:1'));
    expect(removed.rows).toHaveLength(2);
    expect(removed.corresponding).toBeNull();
    // A move out of bounds changes nothing.
    expect(applyAction(sentRows(values), rowAction('move:0:9')).rows[0].texts.email).toBe(
      'leila@example.org',
    );
    expect(rowAction(['next', 'back'])).toEqual({ kind: 'go', to: 'back' });
  });

  it('gives the API’s body, names only in the scripts given', () => {
    const body = contributorsBody(sentRows(values));
    expect(body.contributors[0]).toMatchObject({
      names: { Arab: { given: 'ليلى' } },
      corresponding: false,
      inByline: true,
      orcid: null,
      role: 'author',
    });
    expect(body.contributors[1]).toMatchObject({
      names: { Latn: { given: 'Rachid', family: 'Ouazzani' } },
      corresponding: true,
      inByline: false,
    });
    expect(rowValues(sentRows(values))['contributors.1.names.Latn.family']).toBe('Ouazzani');
  });
});

describe('a file’s anonymisation report, in sentences', () => {
  it('says where a name is still in the copy, and what was removed', () => {
    const report = fileReport({
      genre: 'manuscript',
      heldReason: null,
      anonymisation: {
        removed: ['docProps/core.xml dc:creator'],
        summary: {
          property: 3,
          'comment-author': 0,
          'revision-author': 1,
          person: 0,
          'header-footer': 0,
          'image-metadata': 0,
          'whole-part': 0,
        },
        embeddedCleaned: [],
        nameWarnings: [
          { name: 'ليلى بنعلي', excerpt: '…', location: 'body', page: 3 },
          { name: 'Benali', excerpt: '…', location: 'word/header1.xml', paragraph: 1 },
        ],
        bodyTextChecked: true,
        unreadText: [],
      },
    });
    expect(report.state).toBe('cleaned');
    expect(report.mentions.map(({ key, page, part }) => [key, page, part])).toEqual([
      ['submit.report.name-on-page', 3, undefined],
      ['submit.report.name-in-paragraph', undefined, 'word/header1.xml'],
    ]);
    expect(report.removals).toEqual([
      { key: 'submit.report.removed.property', count: 3 },
      { key: 'submit.report.removed.revision-author', count: 1 },
    ]);
  });

  it('says a held file is held, and a cover letter is not for reviewers', () => {
    expect(
      fileReport({ genre: 'dataset', heldReason: 'a zip archive', anonymisation: null }),
    ).toMatchObject({ state: 'held', heldReason: 'a zip archive' });
    expect(fileReport({ genre: 'cover_letter', heldReason: null, anonymisation: null }).state).toBe(
      'private',
    );
  });
});
