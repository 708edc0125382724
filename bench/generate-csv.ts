// Writes a deterministic customer import CSV: export for scenarios and tests, CLI for people.
//   node --import tsx bench/generate-csv.ts --rows 1000000 --out bench/.data/customers.csv [--seed 42]
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { customerCsvRows, type CsvOptions, type RowKind } from './csv/rows';
import { CSV_HEADER, LIST_COLUMNS, type CsvRow } from './csv/template';

/** What was written: data rows by kind and the file size. */
export interface CsvSummary extends Record<RowKind, number> {
  rows: number;
  bytes: number;
}

const CHUNK = 1_000; // rows per unparse call

const HEADER_LINE = `${Papa.unparse([[...CSV_HEADER]])}\n`;

const unparse = (rows: CsvRow[]) =>
  `${Papa.unparse(rows, {
    newline: '\n',
    quotes: (value: unknown, column: number) => LIST_COLUMNS.includes(column) && value !== '',
  })}\n`;

/**
 * Writes the header and `options.rows` customers to `file`, in chunks with back-pressure so
 * that memory stays flat for millions of rows. Same options, same bytes.
 */
export const writeCustomersCsv = async (file: string, options: CsvOptions): Promise<CsvSummary> => {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const out = fs.createWriteStream(file);
  const summary: CsvSummary = { rows: 0, bytes: 0, valid: 0, duplicate: 0, invalid: 0 };
  let chunk: CsvRow[] = [];
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const flush = async () => {
    await write(unparse(chunk));
    chunk = [];
  };
  await write(HEADER_LINE);
  for (const { row, kind } of customerCsvRows(options)) {
    chunk.push(row);
    summary.rows += 1;
    summary[kind] += 1;
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  out.end();
  await finished(out);
  return { ...summary, bytes: out.bytesWritten };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000' },
      out: { type: 'string', default: 'bench/.data/customers.csv' },
      seed: { type: 'string', default: '42' },
    },
  });
  const rows = Number(values.rows!.replace(/[_,]/g, ''));
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number`);
  const started = performance.now();
  const summary = await writeCustomersCsv(values.out!, { rows, seed: Number(values.seed) });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${values.out}: ${summary.rows} rows (${summary.duplicate} repeated emails, ` +
      `${summary.invalid} invalid), ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`
  );
};

if (path.resolve(process.argv[1] ?? '') === __filename) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
