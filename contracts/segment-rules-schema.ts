import * as yup from 'yup';
import {
  ENUM_VALUES,
  FIELDS,
  MAX_CONDITIONS,
  MAX_DEPTH,
  OPERATORS_BY_KIND,
  type FieldCondition,
  type RuleNode,
} from './segment-rules';

/** The oldest age a rule may name, as the customer list's age filter. */
const MAX_AGE = 150;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
const isDate = (v: unknown) =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v));
const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

/** Why a field condition's value does not fit its field and operator, or null when it does. */
export const fieldConditionProblem = (c: FieldCondition): string | null => {
  // An own property only: "toString" or "__proto__" is not a field.
  const kind = Object.hasOwn(FIELDS, c.field) ? FIELDS[c.field] : undefined;
  if (!kind) return `Unknown field "${c.field}"; use one of ${Object.keys(FIELDS).join(', ')}`;
  if (!OPERATORS_BY_KIND[kind].includes(c.operator)) {
    return `Operator "${c.operator}" does not apply to ${c.field}; use one of ${OPERATORS_BY_KIND[kind].join(', ')}`;
  }
  if (c.operator === 'isEmpty' || c.operator === 'isNotEmpty') return null;
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (c.operator === 'between' && (!Array.isArray(c.value) || c.value.length !== 2)) {
    return `${c.field} between needs two values [from, to]`;
  }
  if (
    (c.operator === 'in' || c.operator === 'notIn') &&
    (!Array.isArray(c.value) || c.value.length === 0)
  ) {
    return `${c.field} ${c.operator} needs a non-empty list of values`;
  }
  if (!['in', 'notIn', 'between'].includes(c.operator) && Array.isArray(c.value)) {
    return `${c.field} ${c.operator} needs a single value, not a list`;
  }
  for (const v of values) {
    if (v === null || v === undefined || v === '') return `${c.field} ${c.operator} needs a value`;
    if (!isScalar(v)) return `${c.field}: a value must be text, a number or true/false`;
    if (kind === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      return `${c.field} needs a number, got ${JSON.stringify(v)}`;
    }
    if (c.field === 'age' && (v as number) > MAX_AGE)
      return `age is at most ${MAX_AGE} years, got ${JSON.stringify(v)}`;
    if (kind === 'date' && !isDate(v))
      return `${c.field} needs a date (yyyy-mm-dd), got ${JSON.stringify(v)}`;
    if (kind === 'boolean' && typeof v !== 'boolean') return `${c.field} needs true or false`;
    if ((kind === 'text' || kind === 'set') && typeof v !== 'string')
      return `${c.field} needs text`;
    const allowed = ENUM_VALUES[c.field];
    if (allowed && !allowed.includes(String(v))) {
      return `${c.field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`;
    }
    if (typeof v === 'string' && v.length > 500)
      return `${c.field}: a value may hold 500 characters at most`;
  }
  if (
    c.since !== undefined &&
    (!['terms', 'subscriptions'].includes(c.field) || !isDate(c.since))
  ) {
    return 'since applies to terms and subscriptions only, as a date (yyyy-mm-dd)';
  }
  return null;
};

const eventType = yup
  .string()
  .trim()
  .required('An event condition needs an event type')
  .min(1, 'An event condition needs an event type')
  .max(100);
const days = yup.number().integer().min(1).max(3650);

const targetSchema = yup.lazy((target: { type?: string } | undefined) => {
  switch (target?.type) {
    case 'any':
      return yup.object({ type: yup.string() }).noUnknown();
    case 'item':
      return yup
        .object({
          type: yup.string(),
          uid: yup.string().required('Pick a content item'),
          documentId: yup.string().required('Pick a content item'),
          locale: yup.string().nullable(),
        })
        .noUnknown();
    case 'contentType':
      return yup
        .object({
          type: yup.string(),
          uid: yup.string().required('Pick a content type'),
          field: yup
            .string()
            .matches(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Field "${value}" is not a field name'),
          value: yup
            .mixed<string | number | boolean>()
            .test(
              'scalar',
              'The field value must be text, a number or true/false',
              (v) => v === undefined || isScalar(v)
            ),
        })
        .noUnknown();
    case 'url':
      return yup
        .object({
          type: yup.string(),
          pattern: yup
            .string()
            .trim()
            .required('Give a URL pattern')
            .min(1, 'Give a URL pattern')
            .max(500),
        })
        .noUnknown();
    default:
      return yup
        .mixed()
        .test(
          'target',
          'An event condition needs a target: any, item, contentType or url',
          () => false
        );
  }
});

const windowSchema = yup.lazy((w: { type?: string } | undefined) => {
  switch (w?.type) {
    case 'ever':
      return yup.object({ type: yup.string() }).noUnknown();
    case 'lastDays':
      return yup
        .object({ type: yup.string(), days: days.required('Give the number of days') })
        .noUnknown();
    case 'between':
      return yup
        .object({
          type: yup.string(),
          from: yup.string().test('date', 'from must be a date (yyyy-mm-dd)', isDate).required(),
          to: yup.string().test('date', 'to must be a date (yyyy-mm-dd)', isDate).required(),
        })
        .noUnknown();
    default:
      return yup
        .mixed()
        .test(
          'window',
          'An event condition needs a window: ever, lastDays or between',
          () => false
        );
  }
});

const conditionSchemas: Record<string, yup.Schema> = {
  field: yup
    .object({
      kind: yup.string(),
      field: yup.string().required(),
      operator: yup.string().required(),
      value: yup.mixed(),
      since: yup.string(),
    })
    .noUnknown()
    .test('field', '', function check(value) {
      const problem = fieldConditionProblem(value as FieldCondition);
      return problem ? this.createError({ message: problem }) : true;
    }),
  event: yup
    .object({
      kind: yup.string(),
      did: yup.boolean().required(),
      eventType,
      target: targetSchema,
      count: yup
        .object({
          operator: yup
            .string()
            .oneOf(
              ['atLeast', 'atMost', 'exactly'],
              'count.operator must be atLeast, atMost or exactly'
            )
            .required(),
          value: yup.number().integer().min(0).max(1_000_000).required('Give how many times'),
        })
        .noUnknown()
        .required(),
      window: windowSchema,
    })
    .noUnknown(),
  firstEvent: yup.object({ kind: yup.string(), eventType, days: days.required() }).noUnknown(),
  utm: yup
    .object({
      kind: yup.string(),
      param: yup
        .string()
        .oneOf(['source', 'medium', 'campaign'], 'utm param must be source, medium or campaign')
        .required(),
      operator: yup
        .string()
        .oneOf(['equals', 'notEquals', 'in', 'contains', 'startsWith'])
        .required(),
      value: yup
        .mixed<string | string[]>()
        .test('utm', 'A UTM value must be text (a list for "in")', (v) =>
          Array.isArray(v)
            ? v.length > 0 && v.every((x) => typeof x === 'string' && x.length <= 500)
            : typeof v === 'string' && v.length > 0
        ),
    })
    .noUnknown(),
  segment: yup
    .object({
      kind: yup.string(),
      operator: yup
        .string()
        .oneOf(['in', 'notIn'], 'segment operator must be in or notIn')
        .required(),
      segmentId: yup.string().trim().required('Pick a segment').min(1, 'Pick a segment'),
    })
    .noUnknown(),
};

const groupSchema = () =>
  yup
    .object({
      kind: yup.string(),
      op: yup
        .string()
        .oneOf(['and', 'or'], 'A group joins its conditions with and or or')
        .required(),
      not: yup.boolean(),
      children: yup
        .array()
        .of(ruleNodeSchema)
        .min(1, 'A group needs at least one condition')
        .required(),
    })
    .noUnknown();

/** One node of the tree: a group (recursively) or a condition of a known kind. */
export const ruleNodeSchema: yup.Lazy<any> = yup.lazy((node: { kind?: string } | undefined) => {
  if (node?.kind === 'group') return groupSchema();
  const schema = node?.kind ? conditionSchemas[node.kind] : undefined;
  return (
    schema ??
    yup
      .mixed()
      .test(
        'kind',
        `Unknown condition kind "${node?.kind}"; use group, field, event, firstEvent, utm or segment`,
        () => false
      )
  );
});

// Runs beside the tree's own checks, so on any value: a malformed node counts as one condition.
const measure = (node: RuleNode, depth = 1): { depth: number; conditions: number } => {
  if (node?.kind !== 'group' || !Array.isArray(node.children)) return { depth, conditions: 1 };
  return node.children.reduce(
    (acc, child) => {
      const m = measure(child, depth + 1);
      return { depth: Math.max(acc.depth, m.depth), conditions: acc.conditions + m.conditions };
    },
    { depth, conditions: 0 }
  );
};

/** The whole tree: a group at the top, within the depth and size limits. */
export const ruleTreeSchema: yup.Lazy<any> = yup.lazy((node: { kind?: string } | undefined) =>
  node?.kind !== 'group'
    ? yup.mixed().test('root', 'The rules must be a group at the top', () => false)
    : groupSchema().test('size', '', function check(value) {
        const { depth, conditions } = measure(value as unknown as RuleNode);
        if (depth > MAX_DEPTH)
          return this.createError({
            message: `Rules may be ${MAX_DEPTH} levels deep at most, counting the groups and the conditions inside the deepest one`,
          });
        if (conditions > MAX_CONDITIONS) {
          return this.createError({
            message: `A segment may hold ${MAX_CONDITIONS} conditions at most`,
          });
        }
        return true;
      })
);

/** Every segment id a tree refers to (for cycle checks and recompute order). */
export const referencedSegments = (node: RuleNode): string[] =>
  node.kind === 'group'
    ? [...new Set(node.children.flatMap(referencedSegments))]
    : node.kind === 'segment'
      ? [node.segmentId]
      : [];
