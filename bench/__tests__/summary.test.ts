import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioResult } from '../lib/protocol';
import { median, percentile } from '../lib/stats';
import { summarize } from '../lib/summary';
import type { Scenario } from '../scenarios/types';

const scenario = (name: string, unit: Scenario['unit']): Scenario => ({
  name,
  unit,
  description: name,
  run: async () => ({ rows: 0, seconds: 1 }),
});
const result = (name: string, fields: Partial<ScenarioResult>): ScenarioResult => ({
  name,
  peakRssMb: 100,
  ...fields,
});

describe('the figures of a benchmark table', () => {
  it('takes the median and the nearest-rank percentile of measured values', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    const times = Array.from({ length: 30 }, (_, i) => i + 1);
    assert.equal(percentile(times, 50), 15);
    assert.equal(percentile(times, 95), 29);
  });

  it('shows the median rows/s of the runs with each run beside it, and the highest RSS', () => {
    const runs = [1, 2, 4].map((seconds, i) => [
      result('load', { measurement: { rows: 1000, seconds }, peakRssMb: 100 + i }),
    ]);
    const [row] = summarize([scenario('load', 'rows/s')], runs);
    assert.equal(row.median, 500);
    assert.match(row.detail, /runs 1,000 · 500 · 250/);
    assert.equal(row.peakRssMb, 102);
  });

  it('reports latency as the median p95 with the median p50 beside it', () => {
    const runs = [10, 30, 20].map((p95) => [
      result('search', { measurement: { p50: p95 / 2, p95, requests: 30 } }),
    ]);
    const [row] = summarize([scenario('search', 'ms')], runs);
    assert.equal(row.median, 20);
    assert.match(row.detail, /p50 10\.0 \/ p95 20\.0 ms/);
  });

  it('reports a duration as the median seconds, with each run and the target verdict', () => {
    const runs = [2.5, 1.5, 4].map((seconds) => [
      result('evaluate', { measurement: { seconds, extra: '100 members' } }),
    ]);
    const timed = { ...scenario('evaluate', 's'), targets: { sqlite: { atMost: 3 } } };
    const [row] = summarize([timed], runs, 'sqlite', true);
    assert.equal(row.median, 2.5);
    assert.equal(row.unit, 's');
    assert.match(row.detail, /runs 2\.50 · 1\.50 · 4\.00 s; 100 members/);
    assert.equal(row.target, '< 3 s: met');
    const [other] = summarize([timed], runs, 'postgres', true);
    assert.equal(other.target, undefined);
  });

  it('fails the whole row, with the reason, when one run failed', () => {
    const runs = [
      [result('load', { measurement: { rows: 10, seconds: 1 } })],
      [result('load', { error: 'database is locked' })],
    ];
    const [row] = summarize([scenario('load', 'rows/s')], runs);
    assert.equal(row.median, undefined);
    assert.match(row.detail, /failed in 1 of 2 runs: database is locked/);
  });
});
