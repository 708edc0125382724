import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { collectGarbage, measurePeakRss } from '../lib/rss';

const linux = fs.existsSync('/proc/self/clear_refs');
const MB200 = 200 * 1024 * 1024;

describe('the peak RSS column', () => {
  it(
    'shows a peak that was freed before the scenario ended, with no event-loop turn to sample it',
    { skip: !linux && 'needs /proc/self/clear_refs' },
    () => {
      const before = measurePeakRss()();
      const stop = measurePeakRss();
      let block: Buffer | null = Buffer.alloc(MB200, 1);
      assert.equal(block.length, MB200);
      block = null;
      collectGarbage();
      const peak = stop();
      assert.ok(peak > before + 150, `peak ${peak.toFixed(0)} MB, before ${before.toFixed(0)} MB`);
    }
  );

  it('starts each scenario from the current RSS, not from an earlier scenario’s peak', () => {
    const stop = measurePeakRss();
    let block: Buffer | null = Buffer.alloc(MB200, 1);
    assert.equal(block.length, MB200);
    const peak = stop();
    block = null;
    const next = measurePeakRss()();
    assert.ok(next < peak - 150, `next ${next.toFixed(0)} MB after a peak of ${peak.toFixed(0)}`);
  });
});
