import type { ExportField } from '../../../contracts/exports';
import { toDateOnly, toIso } from '../utils/dates';

/**
 * A value a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe: the CSV-injection defence spreadsheet vendors recommend.
 */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const DATETIMES = new Set<ExportField>([
  'lastActivityAt',
  'anonymizedAt',
  'createdAt',
  'updatedAt',
]);

/** One exported row's cell for a field, from the export query's row. */
export const cellOf = (row: Record<string, unknown>, field: ExportField): string => {
  const value = row[field];
  if (value === null || value === undefined) return '';
  if (DATETIMES.has(field)) return toIso(value) ?? '';
  if (field === 'dateOfBirth') return toDateOnly(value) ?? '';
  return neutralise(String(value));
};

/** UTF-8 byte order mark: Excel then reads accents right. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV record (RFC 4180): a cell with a comma, quote, line break or edge space is quoted. */
export const csvLine = (cells: string[]) => {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return `${line}\r\n`;
};
