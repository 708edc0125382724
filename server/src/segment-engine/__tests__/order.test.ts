import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleNode } from '../../../../contracts/segment-rules';
import {
  dependencyLevels,
  dependencyOrder,
  dependentsOf,
  findCycle,
  inlinableRules,
  isTimeDependent,
} from '../order';

const ref = (segmentId: string): RuleNode => ({
  kind: 'group',
  op: 'and',
  children: [{ kind: 'segment', operator: 'in', segmentId }],
});
const plain: RuleNode = {
  kind: 'group',
  op: 'and',
  children: [{ kind: 'field', field: 'gender', operator: 'equals', value: 'female' }],
};

describe('segments that refer to segments', () => {
  const segments = [
    { segmentId: 'c', rules: ref('b') },
    { segmentId: 'b', rules: ref('a') },
    { segmentId: 'a', rules: plain },
    { segmentId: 'ext', rules: null },
  ];

  it('are evaluated a level after the segments they refer to, independent ones together', () => {
    assert.deepEqual(
      dependencyLevels([...segments, { segmentId: 'd', rules: plain }]).map((level) =>
        level.map((s) => s.segmentId)
      ),
      [['a', 'ext', 'd'], ['b'], ['c']]
    );
  });

  it('are compiled with the rules they refer to inline, unless that grows too large', () => {
    const rules = segments.filter((s) => s.rules !== null) as {
      segmentId: string;
      rules: RuleNode;
    }[];
    const inlined = inlinableRules(rules, 'v1');
    assert.deepEqual([...inlined!.rules.keys()].sort(), ['a', 'b', 'c']);
    assert.equal(inlined!.key, 'v1');
    // Each of ten levels refers twice to the one below: 2^10 copies of the first tree.
    const doubling = Array.from({ length: 10 }, (_, i) => ({
      segmentId: `s${i}`,
      rules: (i === 0
        ? plain
        : {
            kind: 'group',
            op: 'or',
            children: [ref(`s${i - 1}`), ref(`s${i - 1}`)],
          }) as RuleNode,
    }));
    assert.equal(inlinableRules(doubling, 'v2'), undefined);
    assert.ok(inlinableRules(doubling.slice(0, 4), 'v3'));
  });

  it('are computed after the segments they refer to', () => {
    assert.deepEqual(
      dependencyOrder(segments).map((s) => s.segmentId),
      ['a', 'b', 'c', 'ext']
    );
  });

  it('are recomputed when a segment they refer to changes, directly or not', () => {
    assert.deepEqual(
      dependentsOf(segments, 'a')
        .map((s) => s.segmentId)
        .sort(),
      ['b', 'c']
    );
    assert.deepEqual(dependentsOf(segments, 'c'), []);
  });

  it('may not refer back to themselves', () => {
    assert.deepEqual(findCycle(segments, 'a', ref('c')), ['a', 'c', 'b', 'a']);
    assert.deepEqual(findCycle(segments, 'a', ref('a')), ['a', 'a']);
    assert.equal(findCycle(segments, 'a', ref('ext')), null);
  });
});

describe('rules that drift as days pass', () => {
  it('are those with a last-N-days window, a first event or an age', () => {
    const event = (window: object): RuleNode =>
      ({
        kind: 'event',
        did: true,
        eventType: 'View',
        target: { type: 'any' },
        count: { operator: 'atLeast', value: 1 },
        window,
      }) as RuleNode;
    assert.equal(
      isTimeDependent({
        kind: 'group',
        op: 'or',
        children: [plain, event({ type: 'lastDays', days: 3 })],
      }),
      true
    );
    assert.equal(isTimeDependent(event({ type: 'ever' })), false);
    assert.equal(
      isTimeDependent({ kind: 'field', field: 'age', operator: 'gte', value: 18 }),
      true
    );
    assert.equal(isTimeDependent({ kind: 'firstEvent', eventType: 'View', days: 7 }), true);
    assert.equal(isTimeDependent(plain), false);
  });
});
