import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { createCommitGroup } from '../commit-group';

let knex: Knex;
let commits = 0;

describe('group commit of tracking writes', () => {
  before(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await knex.schema.createTable('events', (t) => {
      t.increments('id');
      t.string('name').notNullable().unique();
    });
    knex.on('query', (q: { sql: string }) => {
      if (/^commit/i.test(q.sql)) commits++;
    });
  });
  after(() => knex.destroy());

  it('writes submitted together share one transaction and each gets its own answer', async () => {
    const group = createCommitGroup(() => knex);
    commits = 0;
    const names = Array.from({ length: 10 }, (_, i) => `shared-${i}`);
    const answers = await Promise.all(
      names.map((name) => group.run(async (trx) => (await trx('events').insert({ name }), name)))
    );
    assert.deepEqual(answers, names);
    assert.equal((await knex('events').whereIn('name', names)).length, 10);
    // The first write starts alone; the nine submitted while it ran commit together.
    assert.ok(commits >= 1 && commits <= 2, `${commits} commits for 10 writes`);
  });

  it('a failing write fails only its own caller; the others are written', async () => {
    const group = createCommitGroup(() => knex);
    await knex('events').insert({ name: 'taken' });
    const results = await Promise.allSettled(
      ['ok-1', 'taken', 'ok-2', 'ok-3'].map((name) =>
        group.run((trx) => trx('events').insert({ name }))
      )
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']
    );
    const written = await knex('events').whereIn('name', ['ok-1', 'ok-2', 'ok-3']).pluck('name');
    assert.deepEqual(written.sort(), ['ok-1', 'ok-2', 'ok-3']);
  });
});
