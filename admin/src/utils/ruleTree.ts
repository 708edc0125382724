import {
  ENUM_VALUES,
  FIELDS,
  MAX_DEPTH,
  OPERATORS_BY_KIND,
  type Condition,
  type FieldCondition,
  type FieldName,
  type GroupNode,
  type Operator,
  type RuleNode,
  type Scalar,
} from '../../../contracts/segment-rules';

/**
 * Editing the rule tree of the segment builder without mutating it: every node is addressed by
 * its path, the child indexes from the root group ([] is the root, [1, 0] the first child of the
 * root's second child). Pure functions, so the builder's rules are unit-tested without a browser.
 */

export type NodePath = number[];
export type ConditionKind = Condition['kind'];

export const CONDITION_KINDS: ConditionKind[] = ['field', 'event', 'firstEvent', 'utm', 'segment'];

/** The key of a node's path in error maps and React keys: '' for the root, '1.0' deeper. */
export const pathKey = (path: NodePath) => path.join('.');

/** An empty group joining its conditions with `op`. */
export const emptyGroup = (op: GroupNode['op'] = 'and'): GroupNode => ({
  kind: 'group',
  op,
  children: [],
});

/** The node at `path`, or undefined when there is none. */
export const nodeAt = (tree: RuleNode, path: NodePath): RuleNode | undefined => {
  let node: RuleNode | undefined = tree;
  for (const index of path) {
    if (node?.kind !== 'group') return undefined;
    node = node.children[index];
  }
  return node;
};

/** The tree with the node at `path` replaced by `next`. */
export const replaceAt = (tree: RuleNode, path: NodePath, next: RuleNode): RuleNode => {
  if (path.length === 0) return next;
  if (tree.kind !== 'group') return tree;
  const [index, ...rest] = path;
  if (index < 0 || index >= tree.children.length) return tree;
  return {
    ...tree,
    children: tree.children.map((child, i) => (i === index ? replaceAt(child, rest, next) : child)),
  };
};

/** The tree without the node at `path` (the root itself can't be removed). */
export const removeAt = (tree: RuleNode, path: NodePath): RuleNode => {
  if (path.length === 0) return tree;
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(tree, parentPath);
  if (parent?.kind !== 'group') return tree;
  const index = path[path.length - 1];
  return replaceAt(tree, parentPath, {
    ...parent,
    children: parent.children.filter((_, i) => i !== index),
  });
};

/** The tree with `node` added as the last child of the group at `groupPath`. */
export const appendAt = (tree: RuleNode, groupPath: NodePath, node: RuleNode): RuleNode => {
  const group = nodeAt(tree, groupPath);
  if (group?.kind !== 'group') return tree;
  return replaceAt(tree, groupPath, { ...group, children: [...group.children, node] });
};

/** Whether a group at `path` may hold another group (the tree may be MAX_DEPTH levels deep, conditions included). */
export const canNestGroup = (path: NodePath) => path.length + 2 <= MAX_DEPTH;

/** How many conditions the tree holds. */
export const countConditions = (node: RuleNode): number =>
  node.kind === 'group' ? node.children.reduce((n, c) => n + countConditions(c), 0) : 1;

/** The value a new field condition starts with for its field and operator. */
export const defaultFieldValue = (
  field: FieldName,
  operator: Operator
): FieldCondition['value'] => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return undefined;
  if (operator === 'in' || operator === 'notIn') return [];
  if (operator === 'between') return ['', ''];
  if (FIELDS[field] === 'boolean') return true;
  return ENUM_VALUES[field]?.[0] ?? '';
};

/** A condition of `kind` as the builder adds it: the common case, ready to be filled in. */
export const defaultCondition = (kind: ConditionKind): Condition => {
  switch (kind) {
    case 'field':
      return { kind, field: 'country', operator: 'equals', value: '' };
    case 'event':
      return {
        kind,
        did: true,
        eventType: 'View',
        target: { type: 'any' },
        count: { operator: 'atLeast', value: 1 },
        window: { type: 'lastDays', days: 30 },
      };
    case 'firstEvent':
      return { kind, eventType: 'SignUp', days: 30 };
    case 'utm':
      return { kind, param: 'source', operator: 'equals', value: '' };
    case 'segment':
      return { kind, operator: 'in', segmentId: '' };
  }
};

/** A new rule tree: one AND group with one characteristic condition to start from. */
export const newRuleTree = (): GroupNode => ({
  ...emptyGroup('and'),
  children: [defaultCondition('field')],
});

const isList = (op: Operator) => op === 'in' || op === 'notIn';
const asList = (value: FieldCondition['value']): Scalar[] =>
  Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value];

/** The condition on another field: the operator kept when the field takes it, the value reset. */
export const withField = (condition: FieldCondition, field: FieldName): FieldCondition => {
  const operators = OPERATORS_BY_KIND[FIELDS[field]];
  const operator = operators.includes(condition.operator) ? condition.operator : operators[0];
  const next: FieldCondition = { kind: 'field', field, operator };
  const value = defaultFieldValue(field, operator);
  if (value !== undefined) next.value = value;
  return next;
};

/** The condition with another operator, keeping what was typed where it still fits. */
export const withOperator = (condition: FieldCondition, operator: Operator): FieldCondition => {
  const { value: old, ...rest } = condition;
  const next: FieldCondition = { ...rest, operator };
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return next;
  const values = asList(old);
  if (isList(operator)) next.value = values;
  else if (operator === 'between') next.value = [values[0] ?? '', values[1] ?? ''];
  else next.value = values[0] ?? defaultFieldValue(condition.field, operator);
  const allowed = ENUM_VALUES[condition.field];
  if (allowed && !isList(operator) && !allowed.includes(String(next.value))) {
    next.value = allowed[0];
  }
  return next;
};

/** The tree as sent to the API: half-filled optional parts (an empty "since") left out. */
export const cleanTree = (node: RuleNode): RuleNode => {
  if (node.kind === 'group') {
    const { not, ...group } = node;
    return { ...group, ...(not ? { not } : {}), children: node.children.map(cleanTree) };
  }
  if (node.kind === 'field') {
    const { since, value, ...rest } = node;
    return {
      ...rest,
      ...(value !== undefined ? { value } : {}),
      ...(since ? { since } : {}),
    };
  }
  if (node.kind === 'event' && node.target.type === 'contentType') {
    const { field, value, ...target } = node.target;
    return {
      ...node,
      target: field ? { ...target, field, ...(value !== undefined ? { value } : {}) } : target,
    };
  }
  if (node.kind === 'utm' && Array.isArray(node.value) && node.operator !== 'in') {
    return { ...node, value: node.value[0] ?? '' };
  }
  return node;
};

/**
 * Whether the condition at `path` held for a customer, from the segment's verdict: each group
 * takes its deciding child's verdict, a NOT group inverts it, so the condition held exactly
 * when `member` is flipped by an even number of NOT groups on the way. Null when the path does
 * not lead to a condition of this tree.
 */
export const conditionHeld = (tree: RuleNode, path: NodePath, member: boolean): boolean | null => {
  let node: RuleNode | undefined = tree;
  let negations = 0;
  for (const index of path) {
    if (node?.kind !== 'group') return null;
    if (node.not) negations += 1;
    node = node.children[index];
  }
  if (!node || node.kind === 'group') return null;
  return negations % 2 === 0 ? member : !member;
};
