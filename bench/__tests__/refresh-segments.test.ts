import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referencedSegments, ruleTreeSchema } from '../../contracts/segment-rules-schema';
import { SEGMENT_ID_PATTERN } from '../../contracts/segments';
import { REFRESH_SEGMENTS } from '../lib/refresh-segments';

describe('the 20 segments of segment-refresh-customer', () => {
  it('are 20, with distinct valid IDs', () => {
    assert.equal(REFRESH_SEGMENTS.length, 20);
    const ids = REFRESH_SEGMENTS.map((s) => s.segmentId);
    assert.equal(new Set(ids).size, 20);
    ids.forEach((id) => assert.match(id, SEGMENT_ID_PATTERN));
  });

  it('each have rules the API accepts', () => {
    for (const s of REFRESH_SEGMENTS) {
      assert.ok(ruleTreeSchema.isValidSync(s.rules), `${s.segmentId}: ${JSON.stringify(s.rules)}`);
    }
  });

  it('refer only to segments created before them, so they can be created in order', () => {
    const before = new Set<string>();
    for (const s of REFRESH_SEGMENTS) {
      for (const ref of referencedSegments(s.rules)) assert.ok(before.has(ref), ref);
      before.add(s.segmentId);
    }
    assert.ok(REFRESH_SEGMENTS.some((s) => referencedSegments(s.rules).length > 0));
  });

  it('cover every kind of condition', () => {
    const kinds = new Set<string>();
    const walk = (node: any): void => {
      kinds.add(node.kind === 'group' && node.not ? 'not' : node.kind);
      if (node.kind === 'group') {
        if (node.op === 'or') kinds.add('or');
        node.children.forEach(walk);
      }
    };
    REFRESH_SEGMENTS.forEach((s) => walk(s.rules));
    for (const kind of ['field', 'event', 'firstEvent', 'utm', 'segment', 'or', 'not']) {
      assert.ok(kinds.has(kind), kind);
    }
  });
});
