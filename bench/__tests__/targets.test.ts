import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSameSchema } from '../lib/schema';
import { checkTarget, describeTarget, isTargetSize, targetCell } from '../lib/targets';

describe('targets in the report', () => {
  it('says a target in words', () => {
    assert.equal(
      describeTarget({ atLeast: 50_000, peakRssMbBelow: 400 }, 'rows/s'),
      '≥ 50,000 rows/s, RSS < 400 MB'
    );
    assert.equal(describeTarget({ atMost: 3 }, 's'), '< 3 s');
  });

  it('meets a target only when every part of it is met', () => {
    const target = { atLeast: 50_000, peakRssMbBelow: 400 };
    assert.deepEqual(checkTarget(target, 60_000, 350), { met: true, missed: [] });
    assert.deepEqual(checkTarget(target, 40_000, 350), { met: false, missed: ['speed'] });
    assert.deepEqual(checkTarget(target, 60_000, 400), { met: false, missed: ['memory'] });
    assert.deepEqual(checkTarget({ atMost: 3 }, 3, undefined), { met: false, missed: ['time'] });
    assert.deepEqual(checkTarget({ atMost: 3 }, 2.9, undefined), { met: true, missed: [] });
  });

  it('fails a target when the scenario failed', () => {
    assert.deepEqual(checkTarget({ atMost: 3 }, undefined, 100), {
      met: false,
      missed: ['no figure'],
    });
  });

  it('judges only runs of the target size; smaller runs show the goal', () => {
    assert.ok(isTargetSize(1_000_000, 10_000_000));
    assert.ok(!isTargetSize(1_000_000, 2_000_000));
    assert.equal(targetCell({ atMost: 5 }, 'ms', 9, 100, false), '< 5 ms (at 1M/10M)');
    assert.equal(targetCell({ atMost: 5 }, 'ms', 9, 100, true), '< 5 ms: missed (time)');
    assert.equal(targetCell({ atMost: 5 }, 'ms', 4, 100, true), '< 5 ms: met');
    assert.equal(targetCell(undefined, 'ms', 4, 100, true), '');
  });
});

describe('the schema check after a bulk load', () => {
  it('passes when the same indexes and constraints are back, in any order', () => {
    assertSameSchema(['a', 'b'], ['b', 'a'], 'load');
  });

  it('names what went missing', () => {
    assert.throws(
      () => assertSameSchema(['idx_a: CREATE INDEX a', 'idx_b'], ['idx_b'], 'insertEvents'),
      /insertEvents changed the schema: missing \["idx_a: CREATE INDEX a"\]/
    );
  });
});
