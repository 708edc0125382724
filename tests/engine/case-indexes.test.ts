import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../../contracts/constants';
import type { RuleNode } from '../../contracts/segment-rules';
import { ensureCaseIndexes } from '../../server/src/database/case-indexes';
import { applyCustomerFilters } from '../../server/src/database/customer-filters';
import { knexOf } from '../../server/src/database/knex';
import { sameNameRows } from '../../server/src/services/customer-duplicates';
import { valuesQuery } from '../../server/src/database/customer-values';
import { matchingCustomerIds } from '../../server/src/segment-engine/compile';
import { createCompileContext } from '../../server/src/segment-engine/context-factory';
import { isPostgres } from '../helpers/env';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

/**
 * Comparing without regard to letter case must not cost the indexes: the plans of the tag,
 * subscription, term and country lookups use the indexes on their lower-cased values. On
 * PostgreSQL sequential scans are priced out for the EXPLAIN, as the tables here are tiny.
 */
let strapi: Core.Strapi;

const planOf = async (query: Knex.QueryBuilder | Knex.Raw) => {
  const knex = knexOf(strapi);
  const { sql, bindings } = query.toSQL();
  if (!isPostgres()) {
    const rows: { detail: string }[] = await knex.raw(
      `EXPLAIN QUERY PLAN ${sql}`,
      bindings as any[]
    );
    return rows.map((r) => r.detail).join('\n');
  }
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const { rows } = await trx.raw(`EXPLAIN ${sql}`, bindings as any[]);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  });
};

const field = (name: string, value: string): RuleNode => ({
  kind: 'group',
  op: 'and',
  children: [{ kind: 'field', field: name as 'tags', operator: 'equals', value }],
});

describe('lower-case indexes', () => {
  before(async () => {
    strapi = await bootStrapi();
    await ensureCaseIndexes(knexOf(strapi));
  });
  after(() => stopStrapi(strapi));

  for (const [name, value, index] of [
    ['tags', 'VIP', `${TABLE.tags}_lower_idx`],
    ['subscriptions', 'Newsletter', `${TABLE.subscriptions}_lower_idx`],
    ['terms', 'Privacy', `${TABLE.terms}_lower_idx`],
    ['country', 'netherlands', `${TABLE.customers}_country_lower_idx`],
  ]) {
    it(`serves a rule on ${name} in any letter case from ${index}`, async () => {
      // For a few customers (single) a country is read from their rows by primary key.
      for (const mode of name === 'country' ? (['set'] as const) : (['set', 'single'] as const)) {
        const ctx = await createCompileContext(strapi, { mode });
        const plan = await planOf(
          matchingCustomerIds(field(name, value), ctx, mode === 'single' ? [1, 2] : undefined)
        );
        assert.match(plan, new RegExp(index), `${mode}: ${plan}`);
      }
    });
  }

  it('serves the customer list’s ?tag= filter from the lower-case tag index', async () => {
    const knex = knexOf(strapi);
    const plan = await planOf(
      applyCustomerFilters(knex, knex(`${TABLE.customers} as c`).select('c.id'), { tag: 'VIP' })
    );
    assert.match(plan, new RegExp(`${TABLE.tags}_lower_idx`), plan);
  });

  it('finds namesakes for duplicate suggestions from the lower-case name index', async () => {
    const knex = knexOf(strapi);
    const me = { id: 1, first_name: 'Maria', last_name: 'de Vries' };
    const plan = await planOf(sameNameRows(knex, me));
    assert.match(plan, new RegExp(`${TABLE.customers}_name_lower_idx`), plan);
  });

  for (const [field, index] of [
    ['tags', `${TABLE.tags}_lower_idx`],
    ['terms', `${TABLE.terms}_lower_idx`],
    ['subscriptions', `${TABLE.subscriptions}_lower_idx`],
  ] as const) {
    it(`lists the ${field} in use for pickers by seeking ${index}, not scanning`, async () => {
      const plan = await planOf(valuesQuery(knexOf(strapi), field, 'v'));
      assert.match(plan, new RegExp(index), plan);
      assert.doesNotMatch(plan, /SCAN (TABLE )?segments_|Seq Scan/, plan);
    });
  }

  it('makes the indexes once: a second run changes nothing', async () => {
    await ensureCaseIndexes(knexOf(strapi));
  });
});
