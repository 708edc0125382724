import { generateCustomers } from '../../demo/generate';
import { seededRandom, type Random } from '../../demo/random';
import { DEFECTS } from './defects';
import { col, toCsvRow, type CsvRow } from './template';

/** What to generate: how many data rows, from which seed, with dates relative to which instant. */
export interface CsvOptions {
  rows: number;
  seed?: number;
  /** Epoch ms that ages and consent dates count back from; fixed by default so bytes never change. */
  now?: number;
}

/** Why a row is in the file: a new customer, an earlier row's email again, or a defect. */
export type RowKind = 'valid' | 'duplicate' | 'invalid';

/** One data row with what it is, so a writer can count without re-validating. */
export interface GeneratedRow {
  row: CsvRow;
  kind: RowKind;
  defect?: string;
}

/** 2025-06-01: the default reference instant of the benchmark CSV. */
export const CSV_NOW = Date.UTC(2025, 5, 1);

const BLOCK = 100; // every block of 100 rows holds exactly...
const DUPLICATES = 5; // ...5 repeated emails (5%)
const INVALID = 2; // ...and 2 invalid rows (2%), at random places
const GENERATE = 5_000; // customers generated at a time, so memory stays flat
const WINDOW = 1_000; // a duplicate repeats one of the last 1,000 valid rows

/** Customers `start..start+count-1`, numbered by their place in the whole file. */
const customersAt = (start: number, count: number, seed: number, now: number) =>
  generateCustomers(count, (seed * 7919 + start / GENERATE) >>> 0, now).map((c, i) => {
    const index = start + i;
    return {
      ...c,
      referenceId: `CRM${100000 + index}`,
      emails: c.emails.map((email) => email.replace(/\.\d+@/, `.${index}@`)),
    };
  });

/** The kinds of one block's rows, shuffled. */
const blockPlan = (r: Random): RowKind[] => {
  const plan = Array.from({ length: BLOCK }, (_, i): RowKind =>
    i < DUPLICATES ? 'duplicate' : i < DUPLICATES + INVALID ? 'invalid' : 'valid'
  );
  for (let i = plan.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  return plan;
};

/** The same address, in another letter case half of the time. */
const recase = (email: string, r: Random) => {
  const style = r.int(0, 3);
  if (style === 0) return email.toUpperCase();
  if (style === 1) return email.replace(/(^|[.@])([a-z])/g, (_, sep, ch) => sep + ch.toUpperCase());
  return email;
};

/** An earlier row again under its email, as a second list would hold it: new tags, no job. */
const duplicateOf = (earlier: CsvRow, current: CsvRow, r: Random): CsvRow => {
  const row = [...earlier];
  row[col('email')] = recase(earlier[col('email')], r);
  row[col('tags')] = current[col('tags')];
  row[col('job_title')] = '';
  return row;
};

/**
 * The rows of a customer import file, deterministic for a seed: realistic customers from the
 * demo generator, 5% repeating an earlier email, 2% invalid in one field each.
 */
export function* customerCsvRows({ rows, seed = 42, now = CSV_NOW }: CsvOptions) {
  const r = seededRandom(seed ^ 0x5bd1e995);
  const recent: CsvRow[] = [];
  let plan: RowKind[] = [];
  let defects = 0;
  let valid = 0;
  for (let start = 0; start < rows; start += GENERATE) {
    const batch = customersAt(start, Math.min(GENERATE, rows - start), seed, now);
    for (let i = 0; i < batch.length; i++) {
      const index = start + i;
      if (index % BLOCK === 0) plan = blockPlan(r);
      const row = toCsvRow(batch[i], index);
      const kind = plan[index % BLOCK];
      if (kind === 'duplicate' && recent.length > 0) {
        const source = recent[r.int(0, recent.length - 1)];
        yield { row: duplicateOf(source, row, r), kind } satisfies GeneratedRow;
      } else if (kind === 'invalid') {
        const defect = DEFECTS[defects++ % DEFECTS.length];
        defect.apply(row);
        yield { row, kind, defect: defect.name } satisfies GeneratedRow;
      } else {
        recent[valid++ % WINDOW] = row;
        yield { row, kind: 'valid' } satisfies GeneratedRow;
      }
    }
  }
}
