import type { ImportJob } from '../../contracts/imports';
import { TABLE } from '../../contracts/constants';
import { captureEmails, waitForImport } from '../../tests/helpers/imports';
import type { Scenario } from './types';

const int = (n: number) => n.toLocaleString('en-US');

/** The customer import as an admin runs it: upload, then the background job. */
export default {
  name: 'import-csv',
  description:
    'Targets at 1,000,000 rows: SQLite at least 50,000 rows/s, PostgreSQL at least 25,000 ' +
    'rows/s, peak RSS under 400 MB (Strapi included). Uploads the N-row CSV of generate-csv ' +
    '(5% repeated emails, 2% invalid rows) through `POST /segments/imports` and polls ' +
    '`GET /segments/imports/:id` until the job has completed. Runs in a worker of its own with ' +
    'import-naive: a freshly booted Strapi on an empty database, so its peak RSS is the ' +
    "import's and Strapi's only. Rows/s counts every data row of the file.",
  unit: 'rows/s',
  needs: ['strapi', 'csv'],
  worker: 'import',
  targets: {
    sqlite: { atLeast: 50_000, peakRssMbBelow: 400 },
    postgres: { atLeast: 25_000, peakRssMbBelow: 400 },
  },
  async run(ctx) {
    const strapi = await ctx.strapi();
    const knex = await ctx.knex();
    const csv = await ctx.csvFile();
    if (Number((await knex(TABLE.customers).count({ n: '*' }))[0].n) > 0) {
      throw new Error('import-csv must run on an empty customers table (in its own worker)');
    }
    captureEmails(strapi); // the report email the job sends at the end goes nowhere
    const admin = await ctx.admin();

    const started = performance.now();
    const res = await admin
      .upload('/segments/imports')
      .field('dryRun', 'false')
      .attach('file', csv.path);
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    const job: ImportJob = await waitForImport(strapi, admin, res.body.data.id);
    const seconds = (performance.now() - started) / 1000;

    if (job.status !== 'completed') throw new Error(`the import ${job.status}: ${job.error}`);
    const counted = job.created + job.updated + job.unchanged + job.failed;
    if (job.rowsDone !== csv.rows || counted !== csv.rows || job.failed !== csv.invalid) {
      throw new Error(
        `the import counted ${job.rowsDone} rows (${counted} by outcome, ${job.failed} failed); ` +
          `the file has ${csv.rows} (${csv.invalid} invalid)`
      );
    }
    return {
      rows: csv.rows,
      seconds,
      extra:
        `${(csv.bytes / 1e6).toFixed(1)} MB; ${int(job.created)} created, ${int(job.updated)} ` +
        `updated, ${int(job.unchanged)} unchanged, ${int(job.failed)} failed`,
    };
  },
} satisfies Scenario;
