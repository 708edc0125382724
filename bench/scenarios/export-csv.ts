import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { TABLE } from '../../contracts/constants';
import type { ExportField } from '../../contracts/exports';
import { ROOT } from '../lib/environment';
import type { Scenario } from './types';

/** What an editor typically exports: the profile, its lists and the segments, no audit columns. */
const FIELDS: ExportField[] = [
  'documentId',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'gender',
  'dateOfBirth',
  'city',
  'country',
  'jobTitle',
  'tags',
  'terms',
  'segments',
  'lastActivityAt',
  'createdAt',
];

/** The CSV export of every customer, as the admin starts it. */
export default {
  name: 'export-csv',
  description:
    'Target: 100,000 rows/s on SQLite, 200,000 on PostgreSQL, peak RSS under 300 MB (the ' +
    'detail gives what the export added to the RSS it started at). ' +
    '`POST /segments/exports` as the super admin with 15 fields (documentId, names, emails, ' +
    'phones, gender, date of birth, city, country, job title, tags, terms, segments, last ' +
    'activity, created), all N customers, timed until the background job has written the ' +
    'file (server/src/services/exports.ts). Runs in a Strapi process of its own on the ' +
    "worker's database (bench/export-child.ts), so that its peak RSS is Strapi's and the " +
    "export's, not the generated customers the worker holds; the export is started through " +
    'the service the API calls. Runs after the segment scenarios, so the segments column ' +
    'holds memberships of their 20 segments; on PostgreSQL their table is vacuumed first ' +
    '(untimed), as autovacuum would within a minute. The file is removed afterwards.',
  unit: 'rows/s',
  needs: ['customers'],
  targets: {
    sqlite: { atLeast: 100_000, peakRssMbBelow: 300 },
    postgres: { atLeast: 200_000, peakRssMbBelow: 300 },
  },
  async run(ctx) {
    // Strapi and its data must be ready (the worker's) before the export's own process starts.
    await ctx.strapi();
    if (ctx.engine === 'postgres') {
      // The segment scenarios just wrote millions of memberships: autovacuum would vacuum them
      // within a minute (and share the CPU with the export meanwhile). The export is measured in
      // that steady state, as VACUUM ANALYZE after the other bulk loads of the bench.
      await (await ctx.knex()).raw(`VACUUM (ANALYZE) "${TABLE.memberships}"`);
    }
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', 'export-child.ts'), JSON.stringify(FIELDS)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env }
    );
    let last = '';
    readline.createInterface({ input: child.stdout }).on('line', (line) => (last = line));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the export process exited with code ${code}`);
    const result = JSON.parse(last) as {
      status: string;
      error: string | null;
      rows: number;
      seconds: number;
      bytes: number;
      rssBefore: number;
      peakMb: number;
    };
    if (result.status !== 'completed')
      throw new Error(`the export ${result.status}: ${result.error}`);
    if (result.rows < ctx.customers) {
      throw new Error(`the export wrote ${result.rows} of ${ctx.customers} rows`);
    }
    return {
      rows: result.rows,
      seconds: result.seconds,
      peakRssMb: result.peakMb,
      extra: `${FIELDS.length} fields, ${(result.bytes / 1e6).toFixed(1)} MB; a Strapi process of its own: RSS ${result.rssBefore.toFixed(0)} MB booted, peak ${result.peakMb.toFixed(0)} MB during the export`,
    };
  },
} satisfies Scenario;
