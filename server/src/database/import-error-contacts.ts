import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { contactRows } from '../csv/import/error-contacts';
import { knexOf } from './knex';
import { lastRunAt } from './lease';

/** The leases row whose last_run_at says the failed rows of older versions are indexed. */
const BACKFILL = 'segments:import-error-contacts';
const READ = 1000;
/** Rows per insert: SQLite allows 32,766 bound values, knex binds three a row here. */
const WRITE = 300;
/** (job_id, line) pairs per statement: two bound values each. */
const PAIRS = 500;

type Line = [jobId: number, line: number];

const parse = (raw: string | null): Record<string, unknown> => {
  try {
    const value = JSON.parse(raw ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
};

/**
 * Indexes whom the failed rows written before the contacts table existed name (the import
 * writes the contacts of its own failed rows), once per database: the first caller does it,
 * later ones find it done with one query. Safe to run twice at once: a contact already there
 * is skipped.
 */
export const ensureErrorContacts = async (knex: Knex) => {
  if ((await lastRunAt(knex, BACKFILL)) > 0) return;
  let after = 0;
  for (;;) {
    const rows: { id: number; job_id: number; line: number; raw: string | null }[] = await knex(
      TABLE.importErrors
    )
      .select('id', 'job_id', 'line', 'raw')
      .where('id', '>', after)
      .orderBy('id')
      .limit(READ);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const contacts = rows.flatMap((r) =>
      contactRows(r.job_id, [{ line: r.line, raw: parse(r.raw) }])
    );
    for (let i = 0; i < contacts.length; i += WRITE) {
      await knex(TABLE.importErrorContacts)
        .insert(
          contacts
            .slice(i, i + WRITE)
            .map(([jobId, line, contact]) => ({ job_id: jobId, line, contact }))
        )
        .onConflict(['contact', 'job_id', 'line'])
        .ignore();
    }
  }
  await knex(TABLE.leases)
    .insert({ name: BACKFILL, owner: '', expires_at: 0, last_run_at: Date.now() })
    .onConflict('name')
    .merge(['last_run_at']);
};

/** The bootstrap step: indexes older failed rows in the background, so no delete waits for it. */
export const indexErrorContactsInBackground = (strapi: Core.Strapi) => {
  ensureErrorContacts(knexOf(strapi)).catch((error) =>
    strapi.log.error(`[segments] indexing failed import rows: ${error.stack ?? error}`)
  );
};

/**
 * The failed import rows (job and line) naming any of `contacts`: normalized emails and phone
 * numbers, as a list or as a subquery selecting them. One index probe per contact.
 */
export const failedLinesNaming = async (
  knex: Knex,
  contacts: string[] | Knex.QueryBuilder
): Promise<Line[]> => {
  await ensureErrorContacts(knex);
  if (Array.isArray(contacts) && contacts.length === 0) return [];
  const rows: { job_id: number; line: number }[] = await knex(TABLE.importErrorContacts)
    .distinct('job_id', 'line')
    .whereIn('contact', contacts);
  return rows.map((r) => [Number(r.job_id), Number(r.line)]);
};

/** The failed import rows of these lines, for the GDPR export. */
export const failedRowsOf = async (knex: Knex, lines: Line[]) => {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < lines.length; i += PAIRS) {
    rows.push(
      ...(await knex(TABLE.importErrors)
        .whereIn(['job_id', 'line'], lines.slice(i, i + PAIRS))
        .orderBy(['job_id', 'line', 'id']))
    );
  }
  return rows;
};

/** Deletes the failed import rows of these lines and what they name. */
export const deleteFailedRows = async (knex: Knex, lines: Line[]) => {
  for (let i = 0; i < lines.length; i += PAIRS) {
    const part = lines.slice(i, i + PAIRS);
    await knex(TABLE.importErrors).whereIn(['job_id', 'line'], part).delete();
    await knex(TABLE.importErrorContacts).whereIn(['job_id', 'line'], part).delete();
  }
};
