import type { FieldMessage, FormView } from '../foundation/forms';
import type { Draft } from './submit-wizard.service';

type Values = Record<string, string | string[]>;

/** The texts of one contributor's row, by their names after `contributors.N.`. */
const ROW_TEXTS = [
  'names.Arab.given',
  'names.Arab.family',
  'names.Latn.given',
  'names.Latn.family',
  'names.Tfng.given',
  'names.Tfng.family',
  'email',
  'affiliation',
  'country',
  'orcid',
  'role',
] as const;
const SCRIPTS = ['Arab', 'Latn', 'Tfng'] as const;

/** One row as sent: its texts, whether it is in the byline. */
export interface ContributorRow {
  texts: Record<string, string>;
  inByline: boolean;
}

/** The rows and which of them is the corresponding author (an index, or null). */
export interface ContributorRows {
  rows: ContributorRow[];
  corresponding: number | null;
}

/**
 * What a button of the form asks, besides saving: move a row (the up and down buttons, or a
 * drop of the drag-and-drop island: `move:2:0`), remove one, or where to go once saved.
 */
export type RowAction =
  | { kind: 'move'; from: number; to: number }
  | { kind: 'remove'; index: number }
  | { kind: 'go'; to: 'next' | 'back' | 'stay' };

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value.at(-1) : value) ?? '';

export function rowAction(go: string | string[] | undefined): RowAction {
  const value = one(go);
  const move = /^move:(\d{1,3}):(\d{1,3})$/.exec(value);
  if (move) return { kind: 'move', from: Number(move[1]), to: Number(move[2]) };
  const remove = /^remove:(\d{1,3})$/.exec(value);
  if (remove) return { kind: 'remove', index: Number(remove[1]) };
  return { kind: 'go', to: value === 'back' ? 'back' : value === 'stay' ? 'stay' : 'next' };
}

/** The draft's contributors as rows, before anything is sent. */
export function storedRows(draft: Draft): ContributorRows {
  const rows = draft.contributors.map((contributor) => {
    const texts: Record<string, string> = {
      email: contributor.email,
      affiliation: contributor.affiliation ?? '',
      country: contributor.country ?? '',
      orcid: contributor.orcid ?? '',
      role: contributor.role,
    };
    for (const script of SCRIPTS) {
      texts[`names.${script}.given`] = contributor.names[script]?.given ?? '';
      texts[`names.${script}.family`] = contributor.names[script]?.family ?? '';
    }
    return { texts, inByline: contributor.inByline };
  });
  const corresponding = draft.contributors.findIndex((contributor) => contributor.corresponding);
  return { rows, corresponding: corresponding === -1 ? null : corresponding };
}

/**
 * The rows of a sent form, in their order; a row left wholly blank (the one for a new
 * contributor, untouched) is left out.
 */
export function sentRows(values: Values): ContributorRows {
  const indices = [
    ...new Set(
      Object.keys(values)
        .map((name) => /^contributors\.(\d{1,3})\./.exec(name)?.[1])
        .filter((index): index is string => index !== undefined)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  const chosen = one(values.corresponding);
  let corresponding: number | null = null;
  const rows: ContributorRow[] = [];
  for (const index of indices) {
    const texts = Object.fromEntries(
      ROW_TEXTS.map((name) => [name, one(values[`contributors.${index}.${name}`]).trim()]),
    );
    const blank = ROW_TEXTS.every((name) => name === 'role' || texts[name] === '');
    if (blank) continue;
    if (chosen === String(index)) corresponding = rows.length;
    rows.push({ texts, inByline: one(values[`contributors.${index}.inByline`]) === 'true' });
  }
  return { rows, corresponding };
}

/** The rows after a move or a removal; the corresponding author stays with their row. */
export function applyAction({ rows, corresponding }: ContributorRows, action: RowAction) {
  const marked = rows.map((row, index) => ({ row, corresponding: index === corresponding }));
  if (action.kind === 'move') {
    const { from, to } = action;
    if (from < marked.length && to < marked.length && from !== to) {
      const [moved] = marked.splice(from, 1);
      marked.splice(to, 0, moved);
    }
  }
  if (action.kind === 'remove' && action.index < marked.length) marked.splice(action.index, 1);
  const at = marked.findIndex((entry) => entry.corresponding);
  return { rows: marked.map((entry) => entry.row), corresponding: at === -1 ? null : at };
}

/** The rows as a form's values: `contributors.N.…` and `corresponding`. */
export function rowValues({ rows, corresponding }: ContributorRows): Values {
  const values: Values = { corresponding: corresponding === null ? '' : String(corresponding) };
  rows.forEach((row, index) => {
    for (const [name, value] of Object.entries(row.texts))
      values[`contributors.${index}.${name}`] = value;
    values[`contributors.${index}.inByline`] = row.inByline ? 'true' : '';
  });
  return values;
}

/** The rows as ContributorsDto (PUT /api/submissions/:id/contributors). */
export function contributorsBody({ rows, corresponding }: ContributorRows) {
  return {
    contributors: rows.map((row, index) => {
      const names: Record<string, { given: string; family?: string }> = {};
      for (const script of SCRIPTS) {
        const given = row.texts[`names.${script}.given`];
        const family = row.texts[`names.${script}.family`];
        if (given || family) names[script] = { given, ...(family ? { family } : {}) };
      }
      return {
        names,
        email: row.texts.email,
        affiliation: row.texts.affiliation || null,
        country: row.texts.country || null,
        orcid: row.texts.orcid || null,
        role: row.texts.role || 'author',
        corresponding: index === corresponding,
        inByline: row.inByline,
      };
    }),
  };
}

/** The wizard's own words for rules the shared catalogs do not word. */
const REWORDED: Record<string, string> = {
  'form.error.isOrcid': 'submit.error.orcid',
  'form.error.isISO31661Alpha2': 'submit.error.country',
  'form.error.isNotEmptyObject': 'submit.error.contributor-name',
  'form.error.arrayMinSize': 'submit.error.contributors-none',
};

/** A refused form's messages in the wizard's words (see REWORDED). */
export function rewordContributors(form: FormView): FormView {
  const errors: FormView['errors'] = {};
  for (const [field, messages] of Object.entries(form.errors))
    errors[field] = messages.map((message): FieldMessage =>
      'key' in message && REWORDED[message.key]
        ? { key: REWORDED[message.key], values: {} }
        : message,
    );
  return { ...form, errors };
}

/** The keys rewordContributors may give (the area's unit spec checks them). */
export const CONTRIBUTOR_ERROR_KEYS = Object.values(REWORDED);
