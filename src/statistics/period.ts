import { DAY_MS } from '../common/time';
import { RequestValidationException } from '../common/http/request-validation.exception';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The longest period the statistics cover at once, in years. */
export const MAX_PERIOD_YEARS = 10;

/**
 * A reporting period in whole UTC days. `from` and `to` are both inclusive (as the user typed
 * them); the queries use the half-open instant range [`start`, `end`), `end` being midnight UTC
 * after `to`.
 */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** A real date written YYYY-MM-DD: 2024-02-29 yes, 2023-02-29 and 2024-13-01 no. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const midnight = (date: string) => new Date(`${date}T00:00:00.000Z`);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** The same calendar day `years` years later (or earlier); 29 February becomes 1 March. */
function addYears(date: string, years: number, days = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return dateOf(new Date(Date.UTC(year + years, month - 1, day + days)));
}

/**
 * The period asked for, with its defaults: `to` is today (UTC), `from` the day after the same
 * date a year before `to` (so 12 whole months). Refuses `from` after `to` and periods longer
 * than MAX_PERIOD_YEARS years. The dates' shape is checked by the DTO before this runs.
 */
export function resolvePeriod(query: { from?: string; to?: string }, now = new Date()): Period {
  const to = query.to ?? dateOf(now);
  const from = query.from ?? addYears(to, -1, 1);
  if (from > to)
    throw new RequestValidationException([
      { field: 'from', messages: [`from (${from}) must not be after to (${to})`] },
    ]);
  if (addYears(from, MAX_PERIOD_YEARS) <= to)
    throw new RequestValidationException([
      {
        field: 'to',
        messages: [`the period may cover at most ${MAX_PERIOD_YEARS} years`],
      },
    ]);
  const start = midnight(from);
  return { from, to, start, end: new Date(midnight(to).getTime() + DAY_MS) };
}
