/**
 * CSV cells for files people open in spreadsheets. RFC 4180 quoting, plus the OWASP
 * advice against CSV injection: a text cell starting with = + - @ (or a tab or carriage
 * return) would run as a formula in Excel, LibreOffice or Google Sheets, so it gets a
 * leading apostrophe, which those programs hide. Numbers are written as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a cell when it holds a delimiter, a quote or a line break (RFC 4180). */
export function quoteCsv(text: string, delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell of an export: formula-safe text, plain numbers and booleans, JSON for nested values. */
export function csvCell(value: unknown, delimiter = ','): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return quoteCsv(FORMULA_START.test(text) ? `'${text}` : text, delimiter);
}

/** One line of cells, without its line break. */
export function csvLine(values: readonly unknown[], delimiter = ','): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter);
}
