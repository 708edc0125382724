import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleNode } from '../../../../contracts/segment-rules';
import { unknownNames } from '../references';

const did = (eventType: string) =>
  ({
    kind: 'event',
    did: true,
    eventType,
    target: { type: 'any' },
    count: { operator: 'atLeast', value: 1 },
    window: { type: 'ever' },
  }) as RuleNode;
const tree = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'and', children });
const known = { customEventTypes: ['Download'], hasSegment: (id: string) => id === 'vips' };

describe('names a rule tree refers to', () => {
  it('accepts the event types tracking records, the site’s own ones and existing segments', () => {
    assert.deepEqual(
      unknownNames(
        tree(did('View'), did('Download'), { kind: 'segment', operator: 'in', segmentId: 'vips' }),
        known
      ),
      []
    );
  });

  it('names every unknown event type and segment once, however deep they are', () => {
    const problems = unknownNames(
      tree(did('Bogus'), tree({ kind: 'firstEvent', eventType: 'Bogus', days: 3 }, did('Unlike')), {
        kind: 'segment',
        operator: 'notIn',
        segmentId: 'ghost',
      }),
      known
    );
    assert.equal(problems.length, 3);
    assert.match(
      problems[0],
      /^Event type "Bogus" is not one that tracking records; use one of View, .*Download$/
    );
    assert.match(problems[1], /^Event type "Unlike"/);
    assert.equal(problems[2], 'There is no segment "ghost"');
  });
});
