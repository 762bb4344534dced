/** A UTF-8 byte order mark: without it Excel reads a CSV file as the local code page. */
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

// A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF, with
 * its double quotes doubled; null and undefined are empty fields. A text cell that a spreadsheet
 * would run as a formula gets a leading single quote, which shows it as text; numbers are
 * written as numbers (a negative number stays a number).
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined by CRLF, the last one ended too (RFC 4180 §2). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
