import fs from 'fs';
import Papa from 'papaparse';
import { EXTRA_PREFIX } from '../../../../contracts/customer-schema';
import { IMPORT_COLUMNS, type ImportColumn } from '../../../../contracts/imports';
import { unneutralise } from '../cells';

/** One data record of the file; `line` counts records (the header is line 1). */
export interface CsvRecord {
  line: number;
  values: Partial<Record<ImportColumn, string>>;
  /** Set when the row itself is not well-formed CSV (e.g. an unclosed quote). */
  parseError?: string;
}

/** The file can't be imported at all (no header, no known column, not CSV). */
export class CsvFileError extends Error {}

const KNOWN = new Set<string>(IMPORT_COLUMNS);

const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export interface ParseOptions {
  /** Records per batch handed to `onBatch`; parsing waits while a batch is written. */
  batchSize: number;
  /** Records up to this line were handled before (a resumed job): they are skipped. */
  skipThroughLine?: number;
  onHeader?: (info: { columns: ImportColumn[]; unknown: string[] }) => void | Promise<void>;
  onBatch: (records: CsvRecord[], bytesRead: number) => Promise<void>;
}

/**
 * Streams a CSV file through papaparse: UTF-8 with or without BOM, comma, semicolon or tab
 * (detected), CRLF or LF, quoted fields, empty lines skipped; the apostrophe the plugin's own
 * files put before a formula-like value is taken off. Memory holds one batch, and a chunk or two
 * of the file read ahead.
 */
export const parseCsvFile = (path: string, options: ParseOptions): Promise<{ lines: number }> =>
  new Promise((resolve, reject) => {
    let line = 1;
    let batch: CsvRecord[] = [];
    let headerChecked = false;
    let failed = false;
    let bytesRead = 0;
    const stream = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
    stream.on('data', (chunk) => (bytesRead += Buffer.byteLength(chunk as string)));

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(error);
    };

    Papa.parse<Record<string, string>>(stream as unknown as File, {
      header: true,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t', '|'],
      transformHeader: normalizeHeader,
      step: (result, parser) => {
        if (failed) return;
        if (!headerChecked) {
          headerChecked = true;
          const fields = (result.meta.fields ?? []).filter(Boolean);
          const columns = fields.filter((f) => KNOWN.has(f)) as ImportColumn[];
          if (columns.length === 0) {
            parser.abort();
            return fail(
              new CsvFileError(
                'The first row must be the header with the template column titles ' +
                  `(${IMPORT_COLUMNS.join(', ')}); none was found in "${fields.slice(0, 5).join(', ')}"`
              )
            );
          }
          const header = options.onHeader?.({
            columns,
            // An export's extra columns (extra_document_id ...) are known to be for people only.
            unknown: fields.filter((f) => !KNOWN.has(f) && !f.startsWith(EXTRA_PREFIX)),
          });
          if (header instanceof Promise) header.catch(fail);
        }
        line += 1;
        if (options.skipThroughLine && line <= options.skipThroughLine) return;
        const values: Partial<Record<ImportColumn, string>> = {};
        for (const [key, value] of Object.entries(result.data)) {
          if (KNOWN.has(key) && typeof value === 'string') {
            values[key as ImportColumn] = unneutralise(value);
          }
        }
        const broken = result.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
        batch.push({ line, values, ...(broken && { parseError: broken.message }) });
        if (batch.length >= options.batchSize) {
          const full = batch;
          batch = [];
          // papaparse's pause stops parsing, not reading: the file stream keeps queueing chunks
          // (all of it while a slow batch is written) unless it is paused too.
          parser.pause();
          stream.pause();
          options.onBatch(full, bytesRead).then(() => {
            stream.resume();
            parser.resume();
          }, fail);
        }
      },
      complete: () => {
        if (failed) return;
        if (!headerChecked)
          return fail(
            new CsvFileError('The file is empty: it needs a header row and at least one customer')
          );
        options.onBatch(batch, bytesRead).then(() => resolve({ lines: line }), fail);
      },
      error: (error: Error) =>
        fail(new CsvFileError(`The file could not be read as CSV: ${error.message}`)),
    });
  });
