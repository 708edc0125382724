import type { Knex } from 'knex';
import { sqliteFileOf } from './knex';

/**
 * True where a second connection, a worker thread's, reaches the database Strapi uses:
 * PostgreSQL, or SQLite in a file (an in-memory database is only the connection's own).
 */
export const secondConnectionReaches = (knex: Knex, client: string) =>
  client === 'postgres' || (client === 'sqlite' && sqliteFileOf(knex) !== undefined);

/** knex on the database Strapi uses, set up per connection the way Strapi sets up its own. */
export const connectLikeStrapi = (
  createKnex: (config: Knex.Config) => Knex,
  config: Knex.Config,
  client: string
): Knex => {
  const knex = createKnex({
    ...config,
    useNullAsDefault: true,
    pool: {
      min: 0,
      max: 1,
      // As Strapi's SQLite dialect (PostgreSQL: knex sets the search path, `searchPath`).
      afterCreate: (conn: any, done: (error: Error | null, conn: unknown) => void) => {
        if (client === 'sqlite') conn.pragma('foreign_keys = on');
        done(null, conn);
      },
    },
  });
  if (client === 'postgres') {
    // As Strapi's PostgreSQL dialect: dates stay yyyy-mm-dd text, numerics become numbers.
    const { types } = (knex.client as unknown as { driver: typeof import('pg') }).driver;
    types.setTypeParser(types.builtins.DATE, 'text', (v: string) => v);
    types.setTypeParser(types.builtins.NUMERIC, 'text', parseFloat);
  }
  return knex;
};
