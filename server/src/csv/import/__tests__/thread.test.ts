import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import knex from 'knex';
import { withHiddenSettings } from '../thread';

describe('the import worker connects with the whole connection settings', () => {
  it('keeps the PostgreSQL password that knex hides from copies', async () => {
    const db = knex({
      client: 'pg',
      connection: {
        host: 'db',
        user: 'strapi',
        password: 's3cret',
        database: 'app',
        ssl: { rejectUnauthorized: false },
      },
    });
    const connection = db.client.config.connection as Record<string, unknown>;
    assert.equal(
      structuredClone(connection).password,
      undefined,
      'knex hides it from a plain copy'
    );
    const copy = structuredClone(withHiddenSettings(connection));
    assert.equal(copy.password, 's3cret');
    assert.deepEqual(copy.ssl, { rejectUnauthorized: false });
    await db.destroy();
  });
});
