import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELDS,
  MAX_DEPTH,
  OPERATORS_BY_KIND,
  type GroupNode,
} from '../../../contracts/segment-rules';
import { ruleTreeSchema } from '../../../contracts/segment-rules-schema';
import { nodeKeyOf, validateRuleTree } from '../utils/ruleErrors';
import {
  appendAt,
  canNestGroup,
  cleanTree,
  conditionHeld,
  CONDITION_KINDS,
  countConditions,
  defaultCondition,
  emptyGroup,
  newRuleTree,
  nodeAt,
  removeAt,
  replaceAt,
  withField,
  withOperator,
} from '../utils/ruleTree';

const tree: GroupNode = {
  kind: 'group',
  op: 'and',
  children: [
    { kind: 'field', field: 'gender', operator: 'equals', value: 'female' },
    {
      kind: 'group',
      op: 'or',
      children: [
        { kind: 'field', field: 'country', operator: 'equals', value: 'Netherlands' },
        { kind: 'segment', operator: 'in', segmentId: 'vip' },
      ],
    },
  ],
};

describe('rule tree editing', () => {
  it('finds nodes by path', () => {
    assert.equal(nodeAt(tree, []), tree);
    assert.deepEqual(nodeAt(tree, [1, 1]), { kind: 'segment', operator: 'in', segmentId: 'vip' });
    assert.equal(nodeAt(tree, [0, 0]), undefined);
    assert.equal(nodeAt(tree, [5]), undefined);
  });

  it('replaces a node without touching the original or its siblings', () => {
    const next = replaceAt(tree, [1, 0], defaultCondition('utm'));
    assert.equal(nodeAt(next, [1, 0])?.kind, 'utm');
    assert.equal(nodeAt(tree, [1, 0])?.kind, 'field');
    assert.equal(nodeAt(next, [0]), tree.children[0]);
    assert.equal(replaceAt(tree, [9], defaultCondition('utm')), tree);
  });

  it('removes a node, but never the root', () => {
    const next = removeAt(tree, [1, 0]) as GroupNode;
    assert.equal(countConditions(next), 2);
    assert.equal(nodeAt(next, [1, 0])?.kind, 'segment');
    assert.equal(removeAt(tree, []), tree);
  });

  it('appends to a group and only to a group', () => {
    const next = appendAt(tree, [1], emptyGroup('and'));
    assert.equal((nodeAt(next, [1]) as GroupNode).children.length, 3);
    assert.equal(appendAt(tree, [0], defaultCondition('field')), tree);
  });

  it('stops nesting at the schema depth', () => {
    assert.equal(canNestGroup([]), true);
    assert.equal(canNestGroup(Array(MAX_DEPTH - 2).fill(0)), true);
    assert.equal(canNestGroup(Array(MAX_DEPTH - 1).fill(0)), false);
  });
});

describe('default conditions', () => {
  it('start every kind in a shape the schema knows', () => {
    for (const kind of CONDITION_KINDS) {
      const errors = validateRuleTree({
        kind: 'group',
        op: 'and',
        children: [defaultCondition(kind)],
      });
      // Only "fill in a value" messages: never an unknown key or a wrong shape.
      for (const message of Object.values(errors).flat()) {
        assert.doesNotMatch(
          message,
          /not a field|Unknown|must be a |needs a target|needs a window/
        );
      }
    }
  });

  it('are valid once the value is filled in', () => {
    const filled: GroupNode = {
      kind: 'group',
      op: 'and',
      children: [
        { ...defaultCondition('field'), value: 'Netherlands' } as GroupNode['children'][number],
        defaultCondition('event'),
        defaultCondition('firstEvent'),
        { kind: 'utm', param: 'source', operator: 'equals', value: 'facebook' },
        { kind: 'segment', operator: 'notIn', segmentId: 'vip' },
      ],
    };
    assert.deepEqual(validateRuleTree(filled), {});
  });

  it('offers a first value for every field and operator that the schema accepts once filled', () => {
    for (const field of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
      for (const operator of OPERATORS_BY_KIND[FIELDS[field]]) {
        const condition = withOperator(
          withField(defaultCondition('field') as never, field),
          operator
        );
        assert.equal(condition.operator, operator);
        if (operator === 'isEmpty' || operator === 'isNotEmpty') {
          assert.equal('value' in condition, false, `${field} ${operator}`);
        }
      }
    }
  });
});

describe('changing field and operator', () => {
  it('keeps the operator when the new field takes it, resets the value', () => {
    const c = withField(
      { kind: 'field', field: 'city', operator: 'contains', value: 'dam' },
      'country'
    );
    assert.deepEqual(c, { kind: 'field', field: 'country', operator: 'contains', value: '' });
    const age = withField(c, 'age');
    assert.equal(age.operator, 'equals');
    const gender = withField(c, 'gender');
    assert.equal(gender.value, 'female');
  });

  it('moves a typed value between single, list and range operators', () => {
    const base = {
      kind: 'field' as const,
      field: 'age' as const,
      operator: 'equals' as const,
      value: 30,
    };
    assert.deepEqual(withOperator(base, 'in').value, [30]);
    assert.deepEqual(withOperator(base, 'between').value, [30, '']);
    assert.equal(withOperator({ ...base, operator: 'in', value: [40, 50] }, 'gt').value, 40);
    assert.equal('value' in withOperator(base, 'isEmpty'), false);
  });
});

describe('rule tree validation', () => {
  it('maps yup paths onto node paths', () => {
    assert.equal(nodeKeyOf('children[1].children[0].target.uid'), '1.0');
    assert.equal(nodeKeyOf(''), '');
    assert.equal(nodeKeyOf(undefined), '');
  });

  it('puts each message on its node', () => {
    const errors = validateRuleTree({
      kind: 'group',
      op: 'and',
      children: [
        { kind: 'field', field: 'age', operator: 'gt', value: '' },
        { kind: 'group', op: 'or', children: [] },
        { kind: 'segment', operator: 'in', segmentId: '' },
      ],
    });
    assert.match(errors['0'][0], /age gt needs a value/);
    assert.match(errors['1'][0], /at least one condition/);
    // The contract's min(1) has no message of its own; the node path is left out of yup's.
    assert.equal(errors['2'][0], 'Pick a segment');
  });

  it('starts a new tree that only lacks a value', () => {
    const errors = validateRuleTree(newRuleTree());
    assert.deepEqual(Object.keys(errors), ['0']);
  });

  it('sends no half-filled optional parts', () => {
    const cleaned = cleanTree({
      kind: 'group',
      op: 'and',
      not: false,
      children: [
        { kind: 'field', field: 'terms', operator: 'equals', value: 'privacy', since: '' },
        {
          kind: 'event',
          did: true,
          eventType: 'View',
          target: { type: 'contentType', uid: 'api::article.article', field: '', value: '' },
          count: { operator: 'atLeast', value: 1 },
          window: { type: 'ever' },
        },
      ],
    });
    assert.deepEqual(cleaned, {
      kind: 'group',
      op: 'and',
      children: [
        { kind: 'field', field: 'terms', operator: 'equals', value: 'privacy' },
        {
          kind: 'event',
          did: true,
          eventType: 'View',
          target: { type: 'contentType', uid: 'api::article.article' },
          count: { operator: 'atLeast', value: 1 },
          window: { type: 'ever' },
        },
      ],
    });
    ruleTreeSchema.validateSync(cleaned);
  });
});

describe('explaining a verdict', () => {
  it('says whether the deciding condition held, NOT groups flipping it', () => {
    assert.equal(conditionHeld(tree, [0], true), true);
    assert.equal(conditionHeld(tree, [1, 1], false), false);
    const negated: GroupNode = {
      ...tree,
      children: [{ ...(tree.children[1] as GroupNode), not: true }],
    };
    assert.equal(conditionHeld(negated, [0, 0], true), false);
    assert.equal(conditionHeld({ ...negated, not: true }, [0, 0], true), true);
    assert.equal(conditionHeld(tree, [1], true), null);
    assert.equal(conditionHeld(tree, [7], true), null);
  });
});
