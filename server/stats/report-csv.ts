/**
 * CSV text (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark, which Excel needs to read
 * Chinese; CRLF line ends; a cell that a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return) is prefixed with an apostrophe (OWASP, "CSV injection").
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number, negative included, is data and not a formula: "-3" stays as it is.
const NUMBER = /^-?\d+(?:\.\d+)?%?$/;

/** One cell, guarded and quoted where needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A whole file: the mark, then the rows. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return BOM + csvLines(rows);
}
