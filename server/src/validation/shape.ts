import type { ISchema } from 'yup';

/** Nesting deeper than this is refused on every route: no real input of the plugin comes close. */
export const MAX_DEPTH = 32;

/** The longest text a field without a limit of its own takes (ids, emails, dates, sort keys). */
export const MAX_TEXT = 1000;

/** Keys that would reach an object's prototype when copied or looked up. */
export const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ShapeIssue {
  path: string;
  message: string;
}

/** The parts of a yup schema the walk reads (public fields of yup's classes). */
type AnySchema = {
  type?: string;
  tests?: { OPTIONS?: { name?: string } }[];
  fields?: Record<string, AnySchema>;
  innerType?: AnySchema;
  spec?: { types?: AnySchema[] };
  resolve?: (options: { value: unknown; parent?: unknown; context?: unknown }) => AnySchema;
};

const kindOf = (value: unknown) => {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * What a schema of this type accepts before yup sees the value. yup casts before it validates
 * and custom transforms assume the declared type (a string's trim on an array is a TypeError,
 * a 500), so the type is checked first. Numbers, booleans and dates also take strings: query
 * parameters are strings, and yup refuses a string it cannot read with a message.
 */
const ACCEPTS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string',
  boolean: (v) => typeof v === 'boolean' || typeof v === 'string',
  date: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  object: isPlainObject,
  array: Array.isArray,
  tuple: Array.isArray,
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
  object: 'an object',
  array: 'a list',
  tuple: 'a list',
};

const label = (path: string) => (path ? path : 'The input');

/**
 * The places where a value does not have the type its schema declares, or nests too deep, or
 * names a prototype key; empty when the value may go to yup. Lazy and conditional schemas are
 * resolved against the value, as yup would. Walks only as deep as MAX_DEPTH.
 */
export const shapeIssues = (schema: ISchema<any, any>, value: unknown, path = ''): ShapeIssue[] => {
  const issues: ShapeIssue[] = [];
  const walk = (raw: AnySchema, v: unknown, p: string, parent: unknown, depth: number) => {
    if (depth > MAX_DEPTH) {
      issues.push({ path: p, message: `${label(p)} nests deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (v === undefined || v === null) return;
    const s: AnySchema =
      typeof raw.resolve === 'function' ? raw.resolve({ value: v, parent }) : raw;
    const type = s.type ?? 'mixed';
    const accepts = ACCEPTS[type];
    if (accepts && !accepts(v)) {
      issues.push({ path: p, message: `${label(p)} must be ${EXPECTED[type]}, not ${kindOf(v)}` });
      return;
    }
    if (
      typeof v === 'string' &&
      v.length > MAX_TEXT &&
      !s.tests?.some((t) => t.OPTIONS?.name === 'max')
    ) {
      issues.push({ path: p, message: `${label(p)} may be ${MAX_TEXT} characters at most` });
      return;
    }
    if (type === 'object' && isPlainObject(v)) {
      for (const key of Object.keys(v)) {
        const at = p ? `${p}.${key}` : key;
        if (PROTOTYPE_KEYS.has(key)) {
          issues.push({ path: at, message: `${label(at)} is not an accepted name` });
          continue;
        }
        const field = s.fields && Object.hasOwn(s.fields, key) ? s.fields[key] : undefined;
        if (field) walk(field, v[key], at, v, depth + 1);
        else mixedIssues(v[key], at, depth + 1);
      }
      return;
    }
    if (Array.isArray(v)) {
      const tupleTypes = type === 'tuple' ? s.spec?.types : undefined;
      v.forEach((item, i) => {
        const at = `${p}[${i}]`;
        const inner = tupleTypes ? tupleTypes[i] : s.innerType;
        if (inner) walk(inner, item, at, v, depth + 1);
        else mixedIssues(item, at, depth + 1);
      });
      return;
    }
    if (typeof v === 'object') mixedIssues(v, p, depth);
  };
  // A value whose schema says nothing of its inside (mixed, an unknown key): depth and keys only.
  const mixedIssues = (v: unknown, p: string, depth: number) => {
    const stack: [unknown, string, number][] = [[v, p, depth]];
    while (stack.length > 0) {
      const [item, at, d] = stack.pop()!;
      if (typeof item !== 'object' || item === null) continue;
      if (d > MAX_DEPTH) {
        issues.push({ path: at, message: `${label(at)} nests deeper than ${MAX_DEPTH} levels` });
        return;
      }
      for (const key of Object.keys(item)) {
        const next = Array.isArray(item) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
        if (!Array.isArray(item) && PROTOTYPE_KEYS.has(key)) {
          issues.push({ path: next, message: `${label(next)} is not an accepted name` });
          continue;
        }
        stack.push([(item as Record<string, unknown>)[key], next, d + 1]);
      }
    }
  };
  walk(schema as unknown as AnySchema, value, path, undefined, 0);
  return issues;
};
