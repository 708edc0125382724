import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTreeSchema } from '../../contracts/segment-rules-schema';
import {
  expectedShare,
  matchInJs,
  poissonAtLeast,
  segmentTree,
  tuneSegmentRule,
} from '../lib/segment-rule';

describe('the segment that segment-evaluate computes', () => {
  it('knows the Poisson tail', () => {
    assert.equal(poissonAtLeast(0.5, 0), 1);
    assert.ok(Math.abs(poissonAtLeast(0.5, 1) - (1 - Math.exp(-0.5))) < 1e-12);
    assert.ok(Math.abs(poissonAtLeast(2, 2) - (1 - 3 * Math.exp(-2))) < 1e-12);
  });

  it('is women who viewed at least once in 30 days at 1M customers and 10M events: about 9%', () => {
    const rule = tuneSegmentRule(1_000_000, 10_000_000);
    assert.deepEqual([rule.days, rule.atLeast], [30, 1]);
    assert.ok(rule.expected > 0.08 && rule.expected < 0.1, String(rule.expected));
  });

  it('widens the window when 30 days cannot come near 10% (few events per customer)', () => {
    const rule = tuneSegmentRule(10_000, 20_000);
    assert.notEqual(rule.days, 30);
    assert.ok(Math.abs(Math.log(rule.expected / 0.1)) < Math.log(1.5), String(rule.expected));
  });

  it('counts more views when there are many events per customer', () => {
    const rule = tuneSegmentRule(1_000, 1_000_000);
    assert.ok(rule.atLeast > 1);
    assert.equal(rule.expected, expectedShare(1_000, 1_000_000, rule.days, rule.atLeast));
  });

  it('is a valid rule tree for the API', () => {
    const tree = segmentTree({ days: 30, atLeast: 2, expected: 0.1 });
    assert.ok(ruleTreeSchema.isValidSync(tree));
  });

  it('finds in JavaScript the women with enough views inside the window', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const daysAgo = (d: number) => now.getTime() - d * 86_400_000;
    const customers = [
      { id: 1, gender: 'female' },
      { id: 2, gender: 'male' },
      { id: 3, gender: 'female' },
      { id: 4, gender: 'female' },
    ];
    const events = [
      { customer_id: 1, type: 'View', occurred_at: daysAgo(1) },
      { customer_id: 1, type: 'View', occurred_at: new Date(daysAgo(29)) },
      { customer_id: 2, type: 'View', occurred_at: daysAgo(1) },
      { customer_id: 2, type: 'View', occurred_at: daysAgo(2) },
      { customer_id: 3, type: 'View', occurred_at: daysAgo(1) },
      { customer_id: 3, type: 'View', occurred_at: daysAgo(31) },
      { customer_id: 4, type: 'Click', occurred_at: daysAgo(1) },
      { customer_id: 4, type: 'View', occurred_at: daysAgo(3) },
    ];
    assert.deepEqual(matchInJs(customers, events, { days: 30, atLeast: 2, expected: 0 }, now), [1]);
    assert.deepEqual(
      matchInJs(customers, events, { days: 30, atLeast: 1, expected: 0 }, now),
      [1, 3, 4]
    );
  });
});
