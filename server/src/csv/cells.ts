/**
 * The cells of every CSV the plugin writes (exports, an import's error file, the import
 * template): one place decides how a value becomes a cell, so that a value a spreadsheet would
 * run as a formula is neutralised the same way in each file (OWASP, "CSV injection").
 */

const APOSTROPHE = 0x27;

/**
 * True for the character code of a cell's first character that makes a spreadsheet read the
 * cell as a formula: = + - @ tab carriage return. Also right for the first byte of UTF-8 text.
 */
export const startsFormula = (code: number) =>
  code === 0x3d ||
  code === 0x2b ||
  code === 0x2d ||
  code === 0x40 ||
  code === 0x09 ||
  code === 0x0d;

/** A value that starts like a formula gets a leading apostrophe, which spreadsheets show as text. */
export const neutralise = (text: string) =>
  text.length > 0 && startsFormula(text.charCodeAt(0)) ? `'${text}` : text;

/**
 * A value read from a CSV file with the apostrophe `neutralise` added taken off again, so that a
 * file the plugin wrote (an error file, an export) imports as the values it was written from.
 */
export const unneutralise = (text: string) =>
  text.length > 1 && text.charCodeAt(0) === APOSTROPHE && startsFormula(text.charCodeAt(1))
    ? text.slice(1)
    : text;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A cell as RFC 4180 writes it: quoted when it holds a comma, quote, line break or edge space. */
export const quoted = (cell: string) =>
  NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** A value as a CSV cell: empty for null, neutralised, then quoted (the export's hot path). */
export const textCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (text.length === 0) return '';
  const cell = startsFormula(text.charCodeAt(0)) ? `'${text}` : text;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};

/** One CSV record (RFC 4180, CRLF) of values, each written by `textCell`. */
export const csvLine = (values: readonly unknown[]) => {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += textCell(values[i]);
  }
  return `${line}\r\n`;
};
