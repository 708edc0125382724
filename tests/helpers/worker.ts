/**
 * A second Strapi instance for tests, in its own process, on the database named by the
 * environment (DATABASE_FILENAME or DATABASE_NAME): it runs import jobs until none is left to
 * claim, prints what it did as JSON on its last line, and exits.
 */
import { createStrapi } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { INSTANCE_ID } from '../../server/src/database/lease';
import { appDir, distDir } from './strapi';

const main = async () => {
  const app = await createStrapi({ appDir, distDir }).load();
  const knex = knexOf(app);
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1500) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const open = await knex(TABLE.importJobs)
      .whereIn('status', ['queued', 'running'])
      .count({ n: '*' });
    if (Number(open[0].n) > 0) quietSince = Date.now();
  }
  await app.destroy();
  console.log(JSON.stringify({ instance: INSTANCE_ID }));
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
