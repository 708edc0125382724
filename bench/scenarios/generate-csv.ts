import fs from 'node:fs';
import path from 'node:path';
import { writeCustomersCsv } from '../generate-csv';
import type { Scenario } from './types';

/** Writing the customer import CSV of N rows: the input of the import scenarios. */
export default {
  name: 'generate-csv',
  description:
    'Writes the import CSV of N customers (template header, 5% repeated emails, 2% invalid rows) ' +
    'to a temporary file with papaparse `unparse` in chunks of 1,000 and back-pressure. The ' +
    'runner writes the same file once, untimed, for import-csv.',
  unit: 'rows/s',
  async run(ctx) {
    const file = path.join(ctx.tmpDir, 'customers.csv');
    const started = performance.now();
    const summary = await writeCustomersCsv(file, { rows: ctx.customers });
    const seconds = (performance.now() - started) / 1000;
    fs.rmSync(file, { force: true });
    return { rows: summary.rows, seconds, extra: `${(summary.bytes / 1e6).toFixed(1)} MB` };
  },
} satisfies Scenario;
