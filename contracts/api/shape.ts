/**
 * A small runtime check of JSON responses that also carries the TypeScript type it checks, so a
 * route's response contract is written once and serves both the compiler and the API tests.
 * Objects are exact: a key the shape lacks is an issue, as is a key it names that is missing.
 */
export interface Shape<T> {
  /** Adds to `issues` each way `value` differs from the shape, prefixed with its path. */
  check(value: unknown, path: string, issues: string[]): void;
  /** Never set: only carries the type. */
  readonly type?: T;
  /** Set on shapes whose key may be absent from an object. */
  readonly optional?: true;
}

/** The TypeScript type a shape checks. */
export type Infer<S> = S extends Shape<infer T> ? T : never;

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const shape = <T>(check: Shape<T>['check']): Shape<T> => ({ check });

const typeOf = <T>(name: string, test: (v: unknown) => boolean): Shape<T> =>
  shape((value, path, issues) => {
    if (!test(value)) issues.push(`${path}: expected ${name}, got ${kindOf(value)}`);
  });

export const string = typeOf<string>('a string', (v) => typeof v === 'string');
export const number = typeOf<number>('a number', (v) => typeof v === 'number' && isFinite(v));
export const integer = typeOf<number>('an integer', (v) => Number.isInteger(v));
export const boolean = typeOf<boolean>('a boolean', (v) => typeof v === 'boolean');
/** Any JSON value: for free-form parts (metadata, rule trees, content entries). */
export const unknown = shape<unknown>(() => undefined);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** A moment as an ISO 8601 string in UTC, as every date-time of the API is sent. */
export const dateTime = typeOf<string>(
  'an ISO date-time',
  (v) => typeof v === 'string' && ISO_TIME.test(v)
);
/** A calendar day as yyyy-mm-dd. */
export const day = typeOf<string>(
  'a yyyy-mm-dd date',
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
);

/** One of the given literal values. */
export const oneOf = <const V extends readonly (string | number | boolean)[]>(
  values: V
): Shape<V[number]> =>
  shape((value, path, issues) => {
    if (!values.includes(value as V[number]))
      issues.push(`${path}: expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
  });

export const nullable = <T>(inner: Shape<T>): Shape<T | null> =>
  shape((value, path, issues) => {
    if (value !== null) inner.check(value, path, issues);
  });

/** An object key that may be absent (never sent as undefined in JSON). */
export const optional = <T>(inner: Shape<T>): Shape<T> & { optional: true } => ({
  optional: true,
  check: inner.check,
});

export const array = <T>(item: Shape<T>): Shape<T[]> =>
  shape((value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push(`${path}: expected an array`);
    value.forEach((v, i) => item.check(v, `${path}[${i}]`, issues));
  });

export const tuple = <const S extends readonly Shape<any>[]>(
  ...items: S
): Shape<{ -readonly [K in keyof S]: Infer<S[K]> }> =>
  shape((value, path, issues) => {
    if (!Array.isArray(value) || value.length !== items.length)
      return void issues.push(`${path}: expected an array of ${items.length}`);
    items.forEach((item, i) => item.check(value[i], `${path}[${i}]`, issues));
  });

/** An object with any keys, each value of one shape. */
export const record = <T>(value: Shape<T>): Shape<Record<string, T>> =>
  shape((input, path, issues) => {
    if (kindOf(input) !== 'object') return void issues.push(`${path}: expected an object`);
    for (const [k, v] of Object.entries(input as object)) value.check(v, `${path}.${k}`, issues);
  });

type Fields = Record<string, Shape<any>>;
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends { optional: true } ? K : never;
}[keyof F];
type Flat<T> = { [K in keyof T]: T[K] };
export type InferObject<F extends Fields> = Flat<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & {
    [K in OptionalKeys<F>]?: Infer<F[K]>;
  }
>;

/** An object with exactly these keys (those made `optional` may be absent). */
export const object = <F extends Fields>(fields: F): Shape<InferObject<F>> =>
  shape((value, path, issues) => {
    if (kindOf(value) !== 'object') return void issues.push(`${path}: expected an object`);
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given))
      if (!(key in fields)) issues.push(`${path}.${key}: not in the contract`);
    for (const [key, field] of Object.entries(fields)) {
      if (key in given) field.check(given[key], `${path}.${key}`, issues);
      else if (!field.optional) issues.push(`${path}.${key}: missing`);
    }
  });

/** The issues of `value` against `shape`; empty when it conforms. */
export const issuesOf = (s: Shape<unknown>, value: unknown, path = 'body') => {
  const issues: string[] = [];
  s.check(value, path, issues);
  return issues;
};

/**
 * True when A and B are assignable both ways: used to assert at compile time that a shape
 * checks exactly what a contract's interface declares.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A part the check leaves alone but types as T (rule trees, content entries, metadata). */
export const unchecked = <T>(): Shape<T> => shape(() => undefined);

/**
 * Ties a shape to the interface it checks, at compile time: `exactly<Customer>()(object({…}))`
 * fails typecheck (asking for a second argument) when a field is in one and not the other.
 */
export const exactly =
  <T>() =>
  <S extends Shape<any>>(
    s: S,
    ..._differs: Same<Infer<S>, T> extends true ? [] : ['the shape differs from the type']
  ): S =>
    s;
