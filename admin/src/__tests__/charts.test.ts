import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { niceCeiling, scaleSeries, ticks } from '../utils/chartScale';
import {
  countShares,
  fileSizeParts,
  isActive,
  progressPercent,
  splitDuration,
} from '../utils/importProgress';
import { relativeTimeParts } from '../utils/relativeTime';

const box = { width: 400, height: 200, left: 40, right: 10, top: 10, bottom: 30 };

describe('size over time chart', () => {
  it('rounds the y-axis up to a round number', () => {
    assert.equal(niceCeiling(0), 1);
    assert.equal(niceCeiling(7), 10);
    assert.equal(niceCeiling(1234), 2000);
    assert.equal(niceCeiling(2400), 2500);
    assert.equal(niceCeiling(100), 100);
    assert.deepEqual(ticks(100), [0, 25, 50, 75, 100]);
  });

  it('places points by time from the left edge to the right edge, 0 at the bottom', () => {
    const { points, path, top, yTicks } = scaleSeries(
      [
        { computedAt: '2025-01-01T00:00:00Z', memberCount: 0 },
        { computedAt: '2025-01-02T00:00:00Z', memberCount: 50 },
        { computedAt: '2025-01-05T00:00:00Z', memberCount: 100 },
      ],
      box
    );
    assert.equal(top, 100);
    assert.deepEqual(
      points.map((p) => [p.x, p.y]),
      [
        [40, 170],
        [127.5, 90],
        [390, 10],
      ]
    );
    assert.equal(path, 'M40.0,170.0 L127.5,90.0 L390.0,10.0');
    assert.equal(yTicks[0].y, 170);
    assert.equal(yTicks[4].y, 10);
  });

  it('centres a single point and spreads points of one instant by index', () => {
    const one = scaleSeries([{ computedAt: '2025-01-01T00:00:00Z', memberCount: 3 }], box);
    assert.equal(one.points[0].x, 215);
    const same = scaleSeries(
      [
        { computedAt: '2025-01-01T00:00:00Z', memberCount: 1 },
        { computedAt: '2025-01-01T00:00:00Z', memberCount: 2 },
      ],
      box
    );
    assert.deepEqual(
      same.points.map((p) => p.x),
      [40, 390]
    );
  });
});

describe('import progress', () => {
  const job = {
    status: 'running' as const,
    rowsDone: 250,
    rowsTotal: 1000,
    bytesDone: 0,
    fileSize: 0,
  };

  it('uses rows of the estimate, else bytes, and never says 100 before the end', () => {
    assert.equal(progressPercent(job), 25);
    assert.equal(progressPercent({ ...job, rowsTotal: null, bytesDone: 50, fileSize: 200 }), 25);
    assert.equal(progressPercent({ ...job, rowsDone: 1200 }), 99);
    assert.equal(progressPercent({ ...job, status: 'completed' }), 100);
    assert.equal(isActive({ status: 'queued' }), true);
    assert.equal(isActive({ status: 'failed' }), false);
  });

  it('splits the counts into shares of all rows', () => {
    const shares = countShares({ created: 2, updated: 1, unchanged: 1, failed: 0 });
    assert.deepEqual(
      shares.map((s) => [s.key, s.share]),
      [
        ['created', 0.5],
        ['updated', 0.25],
        ['unchanged', 0.25],
        ['failed', 0],
      ]
    );
    assert.ok(
      countShares({ created: 0, updated: 0, unchanged: 0, failed: 0 }).every((s) => s.share === 0)
    );
  });

  it('writes durations and sizes', () => {
    assert.deepEqual(splitDuration(3725), { hours: 1, minutes: 2, seconds: 5 });
    assert.deepEqual(splitDuration(-3), { hours: 0, minutes: 0, seconds: 0 });
    assert.deepEqual(fileSizeParts(7_917_710), { value: 7.9, unit: 'megabyte' });
    assert.deepEqual(fileSizeParts(1500), { value: 1.5, unit: 'kilobyte' });
    assert.deepEqual(fileSizeParts(12), { value: 12, unit: 'byte' });
  });
});

describe('relative time', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('picks the largest unit that fits', () => {
    assert.deepEqual(relativeTimeParts('2025-06-01T11:59:30Z', now), {
      value: -30,
      unit: 'second',
    });
    assert.deepEqual(relativeTimeParts('2025-06-01T11:55:00Z', now), { value: -5, unit: 'minute' });
    assert.deepEqual(relativeTimeParts('2025-06-01T09:00:00Z', now), { value: -3, unit: 'hour' });
    assert.deepEqual(relativeTimeParts('2025-05-30T12:00:00Z', now), { value: -2, unit: 'day' });
    assert.deepEqual(relativeTimeParts('2024-06-01T12:00:00Z', now), { value: -1, unit: 'year' });
  });
});
