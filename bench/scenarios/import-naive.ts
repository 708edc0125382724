import { UID } from '../../contracts/constants';
import { generateCustomers } from '../../demo/generate';
import { segmentRefresh } from '../lib/segments';
import type { Scenario } from './types';

/** Rows of the naive import; --quick keeps it short. */
export const NAIVE_ROWS = { full: 20_000, quick: 300 };

/** What the import would cost as one Document Service call per row, for the ratio. */
export default {
  name: 'import-naive',
  description:
    `${NAIVE_ROWS.full.toLocaleString('en-US')} rows (${NAIVE_ROWS.quick.toLocaleString('en-US')} ` +
    "with --quick), one `strapi.documents('plugin::segments.customer').create({ data })` per row " +
    'with the scalar fields, then waiting for the segment refresh the lifecycle hooks queue. ' +
    'A lower bound of the naive path: it writes no emails, phones, tags or terms (child tables ' +
    'the Document Service does not know) and looks for no duplicates. Runs after import-csv in ' +
    'its worker (N customers in the table). No target: it is the path not to take; compare ' +
    'with import-csv.',
  unit: 'rows/s',
  needs: ['strapi'],
  worker: 'import',
  async run(ctx) {
    const strapi = await ctx.strapi();
    const rows = ctx.quick ? NAIVE_ROWS.quick : NAIVE_ROWS.full;
    const data = generateCustomers(rows, 4242).map((c) => ({
      firstName: c.firstName,
      lastName: c.lastName,
      gender: c.gender,
      dateOfBirth: c.dateOfBirth,
      street: c.street,
      houseNumber: c.houseNumber,
      zipCode: c.zipCode,
      city: c.city,
      country: c.country,
      jobTitle: c.jobTitle,
      referenceId: c.referenceId,
      source: 'import' as const,
    }));
    const documents = strapi.documents(UID.customer);
    const started = performance.now();
    for (const row of data) await documents.create({ data: row as any });
    await segmentRefresh(strapi).idle();
    return { rows, seconds: (performance.now() - started) / 1000 };
  },
} satisfies Scenario;
