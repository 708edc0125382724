import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import createKnex from 'knex';
import { withBulkWriteSettings } from '../bulk-settings';

describe("an import's SQLite connection", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-settings-'));
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'data.db') },
    useNullAsDefault: true,
  });
  after(async () => {
    await knex.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const pragmas = async () =>
    knex.client
      .acquireConnection()
      .then(async (db: { pragma(s: string, o: { simple: boolean }): unknown }) => {
        try {
          return [
            db.pragma('cache_size', { simple: true }),
            db.pragma('wal_autocheckpoint', { simple: true }),
          ];
        } finally {
          await knex.client.releaseConnection(db);
        }
      });

  it('checkpoints every 10,000 pages while the import runs and keeps its 16 MB page cache, then its own settings again', async () => {
    const before = await pragmas();
    const during = await withBulkWriteSettings(knex, pragmas);
    assert.deepEqual(during, [-16000, 10000]);
    assert.deepEqual(await pragmas(), before);
  });

  it('gets its own settings back when the import fails', async () => {
    const before = await pragmas();
    await assert.rejects(
      withBulkWriteSettings(knex, async () => {
        throw new Error('the file is gone');
      }),
      /the file is gone/
    );
    assert.deepEqual(await pragmas(), before);
  });
});
