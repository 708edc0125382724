import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { parseCsvFile } from '../parse';

describe('reading an import file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads no further ahead than a chunk or two while a slow batch is written', async () => {
    const file = path.join(dir, 'slow.csv');
    const header = 'first_name,email\n';
    // 100 bytes a line, 60,000 lines: 6 MB, far more than the 256 KB the stream reads at once.
    const line = (i: number) =>
      `Name${String(i).padStart(6, '0')},${'x'.repeat(70)}${String(i).padStart(6, '0')}@example.com\n`;
    assert.equal(line(1).length, 100);
    fs.writeFileSync(file, header + Array.from({ length: 60_000 }, (_, i) => line(i)).join(''));
    let ahead = 0;
    let rows = 0;
    await parseCsvFile(file, {
      batchSize: 2_000,
      onBatch: async (records, bytesRead) => {
        rows += records.length;
        ahead = Math.max(ahead, bytesRead - header.length - rows * 100);
        await sleep(5); // a batch written over the network
      },
    });
    assert.equal(rows, 60_000);
    assert.ok(ahead <= 1024 * 1024, `read ${Math.round(ahead / 1024)} KB past the rows handled`);
  });
});
