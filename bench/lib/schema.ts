import type { Knex } from 'knex';
import type { Engine } from '../scenarios/types';

/**
 * The indexes and constraints of some tables as sorted DDL lines: the bulk writer drops and
 * re-creates some during a big load, and the benchmark checks that they all come back unchanged.
 */
export const schemaOf = async (knex: Knex, engine: Engine, tables: string[]): Promise<string[]> => {
  if (engine === 'sqlite') {
    const rows: { sql: string | null; name: string }[] = await knex('sqlite_master')
      .select('name', 'sql')
      .whereIn('tbl_name', tables);
    return rows.map((r) => `${r.name}: ${r.sql ?? '(automatic)'}`).sort();
  }
  const { rows: indexes } = await knex.raw(
    `SELECT indexdef AS ddl FROM pg_indexes WHERE schemaname = current_schema()
     AND tablename = ANY(?)`,
    [tables]
  );
  const { rows: constraints } = await knex.raw(
    `SELECT conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS ddl
     FROM pg_constraint WHERE conrelid::regclass::text = ANY(?)`,
    [tables]
  );
  return [...indexes, ...constraints].map((r: { ddl: string }) => r.ddl).sort();
};

/** Throws when two schema snapshots differ, naming what went missing or appeared. */
export const assertSameSchema = (before: string[], after: string[], what: string) => {
  const missing = before.filter((line) => !after.includes(line));
  const added = after.filter((line) => !before.includes(line));
  if (missing.length > 0 || added.length > 0) {
    throw new Error(
      `${what} changed the schema: missing ${JSON.stringify(missing)}, new ${JSON.stringify(added)}`
    );
  }
};
