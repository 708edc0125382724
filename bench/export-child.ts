// One export of every customer in a Strapi process of its own, on the database the bench worker
// made (its DATABASE_* environment): the worker holds the generated customers, this process only
// Strapi, so its peak RSS is Strapi's and the export's. Prints one JSON line with the figures.
import fs from 'node:fs';
import { createStrapi } from '@strapi/strapi';
import { TABLE } from '../contracts/constants';
import type { ExportField } from '../contracts/exports';
import { knexOf } from '../server/src/database/knex';
import { appDir, distDir } from '../tests/helpers/strapi';
import { measurePeakRss } from './lib/rss';

const main = async () => {
  const fields = JSON.parse(process.argv[2]) as ExportField[];
  const app = await createStrapi({ appDir, distDir }).load();
  const knex = knexOf(app);
  const exportsService = app.plugin('segments').service('exports');
  const user = await knex('admin_users').orderBy('id').first();
  const rssBefore = process.memoryUsage.rss() / 2 ** 20;
  const peak = measurePeakRss();
  const started = performance.now();
  const job = await exportsService.create({ fields }, { id: user.id, email: user.email });
  await exportsService.idle();
  const seconds = (performance.now() - started) / 1000;
  const peakMb = peak();
  const row = await knex(TABLE.exportJobs).where('id', job.id).first();
  const bytes = row.file_path && fs.existsSync(row.file_path) ? fs.statSync(row.file_path).size : 0;
  if (row.file_path) fs.rmSync(row.file_path, { force: true });
  await app.destroy();
  console.log(
    JSON.stringify({
      status: row.status,
      error: row.error,
      rows: Number(row.rows_done),
      seconds,
      bytes,
      rssBefore,
      peakMb,
    })
  );
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
