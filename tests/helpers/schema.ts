import type { Core } from '@strapi/strapi';
import { knexOf } from '../../server/src/database/knex';

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
}

/**
 * The indexes of a table with their columns in index order, read from the engine's catalogue
 * (Strapi's own inspector does not keep the column order on PostgreSQL).
 */
export const indexesOf = async (strapi: Core.Strapi, table: string): Promise<IndexInfo[]> => {
  const knex = knexOf(strapi);
  if (strapi.db.dialect.client === 'postgres') {
    const { rows } = await knex.raw(
      'select indexname, indexdef from pg_indexes where tablename = ? and schemaname = current_schema()',
      [table]
    );
    return rows.map((r: { indexname: string; indexdef: string }) => ({
      name: r.indexname,
      columns: /\((.*)\)\s*$/
        .exec(r.indexdef)![1]
        .split(',')
        .map((c) => c.trim().replace(/"/g, '')),
      unique: /CREATE UNIQUE INDEX/i.test(r.indexdef),
    }));
  }
  const list: { name: string; unique: number }[] = await knex.raw(`pragma index_list("${table}")`);
  return Promise.all(
    list.map(async (i) => {
      const info: { seqno: number; name: string }[] = await knex.raw(
        `pragma index_info("${i.name}")`
      );
      return {
        name: i.name,
        columns: info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
        unique: Boolean(i.unique),
      };
    })
  );
};
