import { unescapeCopyText, type CopyLines } from './copy-text';
import { bufferPool } from './types';
import { startsFormula } from '../cells';
import { cellWriter, type CellKind, type SegmentNames } from './format';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COMMA = 0x2c;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const N = 0x4e;
const DOT = 0x2e;
const ZERO = 0x30;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;

/** What a byte of a COPY text line is to the transformer: nothing, a delimiter, a comma, or
 * something the string path handles (a quote, a backslash escape, a control character). */
const DELIMITER = 1;
const HOLDS_COMMA = 2;
const SPECIAL = 3;
const CLASSES = new Uint8Array(256);
for (let b = 0; b < SPACE; b++) CLASSES[b] = SPECIAL;
CLASSES[TAB] = DELIMITER;
CLASSES[LF] = DELIMITER;
CLASSES[COMMA] = HOLDS_COMMA;
CLASSES[QUOTE] = SPECIAL;
CLASSES[BACKSLASH] = SPECIAL;

/** True when bytes [start, end) are `yyyy-mm-dd hh:mm:ss` with up to six digits of a second. */
const isPlainTimestamp = (bytes: Buffer, start: number, end: number) =>
  (end - start === 19 || (end - start >= 21 && end - start <= 26 && bytes[start + 19] === DOT)) &&
  bytes[start + 4] === MINUS &&
  bytes[start + 10] === SPACE;

/**
 * Turns complete lines of PostgreSQL's COPY text format into CSV records, byte for byte what
 * `recordWriter(kinds, segmentNames)(copyTextRow(line))` writes, without a string per value:
 * an ASCII text value without a backslash, quote or edge space is copied as it is (after an
 * apostrophe when it starts like a formula, between quotes when it holds a comma); anything else
 * (escapes, quotes, non-ASCII first or last characters, segment ids) goes through the string
 * functions. `formatted` values (ISO dates from to_char) are copied.
 */
export const copyBytesTransformer = (
  kinds: readonly CellKind[],
  segmentNames?: SegmentNames,
  /** Lend the output buffer itself (ExportChunk.release) instead of a copy. */
  lend = false
) => {
  const writers = kinds.map((kind) => cellWriter(kind, segmentNames));
  const pool = bufferPool();
  let out: Buffer = Buffer.allocUnsafe(1 << 16);
  let at = 0;
  const room = (bytes: number) => {
    if (at + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, at + bytes));
    out.copy(bigger, 0, 0, at);
    out = bigger;
  };
  const putString = (text: string) => {
    room(text.length * 3);
    at += out.write(text, at, 'utf8');
  };

  /** The value in bytes [start, end) of `line`, as a string with its escapes undone. */
  const valueOf = (bytes: Buffer, start: number, end: number) => {
    const text = bytes.toString('utf8', start, end);
    return text.includes('\\') ? unescapeCopyText(text) : text;
  };

  /** Copies bytes [start, end) to the output: a loop is cheaper than Buffer#copy for short values. */
  const copy = (bytes: Buffer, start: number, end: number) => {
    if (end - start > 32) {
      at += bytes.copy(out, at, start, end);
      return;
    }
    for (let i = start; i < end; i++) out[at++] = bytes[i];
  };

  /** The cell of bytes [start, end) of column `column`; `comma`/`special`: what the value holds. */
  const cell = (
    bytes: Buffer,
    column: number,
    start: number,
    end: number,
    comma: boolean,
    special: boolean
  ) => {
    const kind = kinds[column];
    // '' and \N (null) are an empty cell whatever the kind; two for a split list.
    if (
      start === end ||
      (end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === N)
    ) {
      if (kind === 'split') out[at++] = COMMA;
      return;
    }
    if (kind === 'formatted') {
      copy(bytes, start, end);
      return;
    }
    if (kind === 'timestamp' && isPlainTimestamp(bytes, start, end)) {
      // yyyy-mm-dd hh:mm:ss[.ffffff] -> yyyy-mm-ddThh:mm:ss.fffZ
      copy(bytes, start, start + 10);
      out[at++] = LETTER_T;
      copy(bytes, start + 11, start + 19);
      out[at++] = DOT;
      for (let k = start + 20; k < start + 23; k++) out[at++] = k < end ? bytes[k] : ZERO;
      out[at++] = LETTER_Z;
      return;
    }
    const first = bytes[start];
    const last = bytes[end - 1];
    const plain =
      kind === 'text' &&
      !special &&
      first < 0x80 &&
      last < 0x80 &&
      first !== SPACE &&
      last !== SPACE;
    if (!plain) {
      putString(writers[column](valueOf(bytes, start, end)));
      return;
    }
    if (comma) out[at++] = QUOTE;
    // Tab and CR, the other formula starts, are SPECIAL: such a value took the string path.
    if (startsFormula(first)) out[at++] = APOSTROPHE;
    copy(bytes, start, end);
    if (comma) out[at++] = QUOTE;
  };

  const lines: CopyLines = (bytes, end) => {
    at = 0;
    // Room for every record but those of the string path (which makes its own): a value grows
    // by at most 5 bytes (quotes and apostrophe, or a timestamp), and has a delimiter.
    room(6 * (end + 1));
    let rows = 0;
    let start = 0;
    let column = 0;
    let comma = false;
    let special = false;
    // bytes[end] is the last line feed.
    for (let i = 0; i <= end; i++) {
      const c = CLASSES[bytes[i]];
      if (c === 0) continue;
      if (c === HOLDS_COMMA) {
        comma = true;
        continue;
      }
      if (c === SPECIAL) {
        special = true;
        continue;
      }
      if (column > 0) out[at++] = COMMA;
      cell(bytes, column, start, i, comma, special);
      start = i + 1;
      comma = false;
      special = false;
      column++;
      if (bytes[i] === LF) {
        out[at++] = CR;
        out[at++] = LF;
        rows++;
        column = 0;
      }
    }
    if (lend) {
      const lent = out;
      out = pool.take(lent.length);
      return { text: lent.subarray(0, at), rows, release: () => pool.give(lent) };
    }
    return { text: Buffer.from(out.subarray(0, at)), rows };
  };
  return lines;
};
