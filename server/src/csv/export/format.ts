import { CUSTOMER_FIELDS, EXPORT_OTHERS } from '../../../../contracts/customer-schema';
import { LIST_SEPARATOR } from '../../../../contracts/constants';
import type { ExportField } from '../../../../contracts/exports';
import { toDateOnly, toIso } from '../../utils/dates';
import { neutralise, quoted, textCell } from '../cells';

/** True for the fields exported as an ISO 8601 datetime. */
export const isDatetimeField = (field: ExportField) =>
  field !== 'segments' && CUSTOMER_FIELDS[field].kind === 'datetime';

/** True for the fields exported as the first value and the others in a column beside it. */
export const isSplitField = (field: ExportField) =>
  field !== 'segments' && EXPORT_OTHERS[field] !== undefined;

/**
 * How each column of the export query (database/export-query.ts) becomes a cell, in the order of
 * `fields`: on PostgreSQL COPY gives datetimes as UTC text and dates already formatted.
 */
export const cellKinds = (fields: ExportField[], engine: 'sqlite' | 'postgres'): CellKind[] =>
  fields.map((field) => {
    if (field === 'segments') return 'segments';
    if (isDatetimeField(field)) return engine === 'postgres' ? 'timestamp' : 'datetime';
    if (field === 'dateOfBirth') return engine === 'postgres' ? 'formatted' : 'date';
    return isSplitField(field) ? 'split' : 'text';
  });

/** The first value of a list, and the others. */
const firstAndRest = (text: string): [string, string] => {
  const at = text.indexOf(LIST_SEPARATOR);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + LIST_SEPARATOR.length)];
};

/** One exported row's cell for a field, from the export query's row (as csvLine takes it). */
export const cellOf = (row: Record<string, unknown>, field: ExportField): string => {
  const value = row[field];
  if (value === null || value === undefined) return '';
  if (isDatetimeField(field)) return toIso(value) ?? '';
  if (field === 'dateOfBirth') return toDateOnly(value) ?? '';
  return neutralise(String(value));
};

/** A row's cells for a field: two for a split field (the first value, then the others). */
export const cellsOf = (row: Record<string, unknown>, field: ExportField): string[] => {
  if (!isSplitField(field)) return [cellOf(row, field)];
  const value = row[field];
  if (value === null || value === undefined) return ['', ''];
  return firstAndRest(String(value)).map(neutralise);
};

/** UTF-8 byte order mark: Excel then reads accents right. */
export const BOM = '\uFEFF';

/**
 * How a column of the export query's raw rows becomes a cell: `text` neutralised and quoted,
 * `datetime` and `date` formatted as cellOf does, `formatted` already ISO text from the database,
 * `timestamp` PostgreSQL's text of a UTC timestamp (`2026-11-05 18:36:06.66412`) made ISO 8601,
 * `segments` row ids named by the writer's `segmentNames`, then as text, `split` a list whose
 * first value fills one cell and the others the next (two cells).
 */
export type CellKind =
  'text' | 'datetime' | 'date' | 'formatted' | 'timestamp' | 'segments' | 'split';

const TEXT = 0;
const DATETIME = 1;
const DATE = 2;
const FORMATTED = 3;
const SEGMENTS = 4;
const TIMESTAMP = 5;
const SPLIT = 6;
const KIND_CODES: Record<CellKind, number> = {
  text: TEXT,
  datetime: DATETIME,
  date: DATE,
  formatted: FORMATTED,
  timestamp: TIMESTAMP,
  segments: SEGMENTS,
  split: SPLIT,
};

const PG_TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/;

/**
 * PostgreSQL's text of a timestamp in UTC (DateStyle ISO: microseconds, trailing zeros dropped)
 * as toIso writes it, milliseconds truncated; a year past 9999 as Date writes it (+010000).
 */
export const isoOfTimestampText = (text: string) => {
  const p = PG_TIMESTAMP.exec(text);
  if (!p) return text;
  const ms = (p[5] ?? '').padEnd(3, '0').slice(0, 3);
  const iso = `${p[1]}-${p[2]}-${p[3]}T${p[4]}.${ms}Z`;
  return p[1].length === 4
    ? iso
    : (toIso(new Date(`+${p[1].padStart(6, '0')}${iso.slice(p[1].length)}`)) ?? text);
};

/** Names a customer's segments from their row ids (see segmentNamer). */
export type SegmentNames = (ids: string | null) => string | null;

/** One cell of a raw row's column of a kind, as cellOf and csvLine would write it. */
export const cellWriter = (kind: CellKind, segmentNames: SegmentNames = () => null) => {
  const code = KIND_CODES[kind];
  return (value: unknown): string => {
    if (code === TEXT) return textCell(value);
    if (code === SEGMENTS) return textCell(segmentNames(value === null ? null : String(value)));
    if (code === SPLIT) {
      if (value === null || value === undefined) return ',';
      const [first, rest] = firstAndRest(String(value));
      return `${textCell(first)},${textCell(rest)}`;
    }
    if (value === null || value === undefined) return '';
    if (code === FORMATTED) return String(value);
    if (code === TIMESTAMP) return isoOfTimestampText(String(value));
    if (code === DATETIME) return toIso(value) ?? '';
    return quoted(toDateOnly(value) ?? '');
  };
};

/**
 * A function from one raw row (an array of column values, in field order) to its CSV record,
 * the same bytes as `csvLine(fields.map((f) => cellOf(row, f)))`.
 */
export const recordWriter = (kinds: readonly CellKind[], segmentNames?: SegmentNames) => {
  const cells = kinds.map((kind) => cellWriter(kind, segmentNames));
  const n = cells.length;
  return (row: readonly unknown[]): string => {
    let line = cells[0](row[0]);
    for (let i = 1; i < n; i++) line += `,${cells[i](row[i])}`;
    return `${line}\r\n`;
  };
};
