import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import request from 'supertest';
import { TABLE } from '../../contracts/constants';
import { trackedEventSchema } from '../../contracts/tracking';
import { knexOf } from '../../server/src/database/knex';
import routes from '../../server/src/routes';
import { ROUTE_INPUTS } from '../../server/src/routes/inputs';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { superAdmin, type AdminClient } from '../helpers/users';

/**
 * A property-based fuzzer of every route, generated from the route table and the schemas each
 * route declares (server/src/routes/inputs.ts): wrong types for each field, prototype keys, deep
 * nesting, repeated and unknown query parameters, invalid UTF-8, bodies where none is taken and
 * oversized bodies. Every request must be refused with a 4xx (a 400 naming the field where one
 * field is wrong), nothing may be written, and Strapi must keep answering. The seed is fixed so a
 * run is repeatable: FUZZ_SEED and FUZZ_RUNS override it; a failure prints the seed and path.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const VISITOR = `v${'fedcba9876543210'.repeat(2)}`;
const FREE_FORM = new Set(['metadata']);
const RULES = {
  kind: 'group',
  op: 'and',
  children: [{ kind: 'field', field: 'city', operator: 'equals', value: 'Utrecht' }],
};
/**
 * A valid body of each route that takes one, so that a mutation of one field leaves that field
 * the only thing wrong and its refusal must name it. Routes not listed start from {}.
 */
const VALID_BODY: Record<string, Record<string, unknown>> = {
  'segments.create': { name: 'Fuzzed', segmentId: 'fuzzed', rules: RULES },
  'segments.preview': { rules: RULES },
  'ab-tests.create': { name: 'Fuzzed', conversionEventType: 'Like' },
  'settings.saveRetention': { enabled: false, days: 365, action: 'anonymize' },
  'tracking.events': { type: 'View', url: 'https://example.com/' },
  'tracking.identify': { email: 'fuzzed@example.com' },
  'tracking.serverIdentify': { visitorId: VISITOR, email: 'fuzzed@example.com' },
  'tracking.serverMerge': { into: 'fuzz-into', from: 'fuzz-from' },
};

type Route = { method: string; path: string; handler: string; public: boolean; token: boolean };
type SchemaLike = { type?: string; fields?: Record<string, SchemaLike> };
type Mutation = {
  label: string;
  body?: unknown;
  raw?: { type: string; data: string | Buffer };
  query?: string;
  /** The field the refusal must name. */
  names?: string;
  /** Statuses other than 400 that are a correct refusal. */
  also?: number[];
};

let strapi: Core.Strapi;
let admin: AdminClient;
let apiToken: string;
const ids: Record<string, string> = {};

/** Values that are not of a schema type, for each type a field may have. */
const wrongFor = (type: string | undefined): fc.Arbitrary<unknown> => {
  const notText = fc.oneof(
    fc.constant([]),
    fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
    fc.constant({}),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string(), { minKeys: 1 }),
    fc.integer(),
    fc.boolean()
  );
  switch (type) {
    case 'string':
      return notText.filter((v) => typeof v !== 'string');
    case 'number':
      return fc.oneof(fc.constant([1]), fc.constant({ n: 1 }), fc.constant('not a number'));
    case 'boolean':
      return fc.oneof(fc.constant([true]), fc.constant({}), fc.constant('maybe'), fc.constant(7));
    case 'array':
      return fc.oneof(
        fc.constant('a,b'),
        fc.integer(),
        fc.constant({ 0: 'a' }),
        fc.constant([[['nested']]]),
        fc.constant([{ x: 1 }])
      );
    case 'object':
      return fc.oneof(fc.constant('x'), fc.constant([]), fc.integer(), fc.constant(true));
    default:
      // A lazy schema (rule trees) or a free-form value: only shapes no schema takes.
      return fc.oneof(fc.constant('x'), fc.integer(), fc.constant([null]));
  }
};

/** A text 100,000 characters long for text fields; null and '' for the ones that require a value. */
const emptyOrHuge = (field: SchemaLike): fc.Arbitrary<unknown> => {
  const spec = (field as { spec?: { optional?: boolean; nullable?: boolean } }).spec ?? {};
  const values: unknown[] = [];
  if (field.type === 'string') values.push('x'.repeat(100_000));
  if (spec.optional === false && !spec.nullable) values.push(null, '');
  return values.length > 0 ? fc.constantFrom(...values) : wrongFor(field.type);
};

const fieldsOf = (route: Route): [string, SchemaLike][] => {
  const input = ROUTE_INPUTS[route.handler];
  const schema = (input?.body === 'own' ? trackedEventSchema([]) : input?.body) as
    SchemaLike | undefined;
  // Free-form fields (event metadata) take any value: only depth and keys are checked there.
  return Object.entries(schema?.fields ?? {}).filter(([name]) => !FREE_FORM.has(name));
};

/** fast-check prints a counterexample with this: the label, not a 2 MB body. */
const labelled = (m: Mutation): Mutation =>
  Object.assign(m, { [fc.toStringMethod]: () => JSON.stringify(m.label.slice(0, 200)) });

const mutationsOf = (route: Route): fc.Arbitrary<Mutation> => {
  const input = ROUTE_INPUTS[route.handler] ?? {};
  const queries: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom('unknownParam=1', 'populate=*', 'filters[$ne]=x', 'a[b][c][d]=1')
      .map((query) => ({ label: `query ${query}`, query })),
  ];
  const querySchema = input.query as SchemaLike | undefined;
  const queryFields = Object.keys(querySchema?.fields ?? {});
  if (queryFields.length > 0) {
    queries.push(
      fc.constantFrom(...queryFields).chain((name) =>
        fc.constantFrom(`${name}=a&${name}=b`, `${name}[]=a`, `${name}[$ne]=x`).map((query) => ({
          label: `query ${query}`,
          query,
          names: name,
        }))
      )
    );
  }
  // Strapi reads no body on GET and DELETE (nor does any client send one): queries only.
  if (route.method === 'GET' || route.method === 'DELETE')
    return fc.oneof(...queries).map(labelled);
  const options: fc.Arbitrary<Mutation>[] = [
    ...queries,
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => ({
      label: `prototype key ${key}`,
      raw: { type: 'application/json', data: `{"${key}":{"polluted":true}}` },
    })),
    fc.integer({ min: 33, max: 3000 }).map((depth) => ({
      label: `body nested ${depth} deep`,
      raw: {
        type: 'application/json',
        data: `{"x":${'['.repeat(depth)}1${']'.repeat(depth)}}`,
      },
    })),
    fc.constant({
      label: 'invalid UTF-8',
      raw: { type: 'application/json', data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    }),
    fc.constant({
      label: 'a 2 MB body',
      raw: { type: 'application/json', data: `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}` },
      also: [413],
    }),
    fc.constantFrom('[1,2]', '"text"', '42').map((data) => ({
      label: `a body that is not an object: ${data}`,
      raw: { type: 'application/json', data },
    })),
  ];
  if (!input.body) {
    options.push(
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { minKeys: 1 })
        .map((body) => ({ label: 'a body where none is taken', body }))
    );
  }
  const fields = fieldsOf(route);
  if (fields.length > 0) {
    options.push(
      fc.constantFrom(...fields).chain(([name, field]) =>
        fc.oneof(wrongFor(field.type), emptyOrHuge(field)).map((value) => ({
          label: `${name}: ${JSON.stringify(value)}`,
          body: { ...VALID_BODY[route.handler], [name]: value },
          names: name,
        }))
      )
    );
  }
  return fc.oneof(...options).map(labelled);
};

const urlOf = (route: Route) =>
  (route.public || route.token ? '/api/segments' : '/segments') +
  route.path.replace(/:(\w+)/g, (_, param: string) => {
    if (param === 'id') return '1';
    if (route.path.startsWith('/segments/')) return ids.segment;
    if (route.path.startsWith('/ab-tests/')) return ids.abTest;
    if (param === 'segmentId') return 'fuzz-segment';
    return ids.customer;
  });

const send = (route: Route, m: Mutation) => {
  const agent = request(strapi.server.httpServer);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  const visitor = route.public ? `vid=${VISITOR}` : '';
  const query = [visitor, m.query].filter(Boolean).join('&');
  let req = agent[method](urlOf(route) + (query ? `?${query}` : ''));
  if (!route.public)
    req = req.set('Authorization', `Bearer ${route.token ? apiToken : admin.token}`);
  if (m.raw) return req.set('Content-Type', m.raw.type).send(m.raw.data);
  if (m.body !== undefined) return req.send(m.body as object);
  return req;
};

/** Row counts and last updates of every plugin table: equal before and after means nothing was written. */
const footprint = async () => {
  const knex = knexOf(strapi);
  const out: Record<string, string> = {};
  // Leases are the background jobs' bookkeeping (one started at boot may take its lease while the
  // fuzzer runs); no request writes them.
  for (const table of Object.values(TABLE).filter((t) => t !== TABLE.leases)) {
    const [row] = await knex(table).count({ n: '*' });
    out[table] = String(row.n);
  }
  for (const table of [TABLE.customers, TABLE.segments, TABLE.abTests]) {
    const [row] = await knex(table).max({ m: 'updated_at' });
    out[`${table}.updated_at`] = String(row.m);
  }
  return out;
};

describe('every route refuses what it does not take (property-based, fixed seed)', () => {
  let all: Route[];

  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    apiToken = (
      await strapi.service('admin::api-token').create({
        name: 'fuzz',
        type: 'full-access',
        lifespan: null,
      })
    ).accessKey;
    ids.customer = (
      await admin.post('/segments/customers', { firstName: 'Fuzz', emails: ['fuzz@example.com'] })
    ).body.data.documentId;
    ids.segment = (
      await admin.post('/segments/segments', {
        name: 'Fuzz',
        segmentId: 'fuzz-segment',
        kind: 'external',
      })
    ).body.data.documentId;
    ids.abTest = (
      await admin.post('/segments/ab-tests', { name: 'Fuzz', conversionEventType: 'Like' })
    ).body.data.documentId;
    assert.ok(ids.customer && ids.segment && ids.abTest, 'the fixtures were created');
    const open = (r: { config?: object }) => (r.config as { auth?: unknown }).auth === false;
    all = [
      ...routes.admin().routes.map((r) => ({ ...r, public: false, token: false })),
      ...routes['content-api']({ strapi }).routes.map((r) => ({
        ...r,
        public: open(r),
        token: !open(r),
      })),
    ];
  });
  after(() => stopStrapi(strapi));

  it(`${RUNS} hostile requests across every route answer 4xx, write nothing, and Strapi keeps answering`, async () => {
    const byKey = new Map(all.map((r) => [`${r.method} ${r.path}`, r]));
    const before = await footprint();
    const seen = new Set<string>();
    const property = fc.asyncProperty(
      fc
        .constantFrom(...all.map((r) => `${r.method} ${r.path}`))
        .chain((key) => fc.tuple(fc.constant(key), mutationsOf(byKey.get(key)!))),
      async ([key, m]) => {
        const route = byKey.get(key)!;
        seen.add(`${route.method} ${route.path}`);
        const res = await send(route, m);
        const where = `${route.method} ${route.path} with ${m.label.slice(0, 200)}`;
        const allowed = [400, ...(m.also ?? [])];
        assert.ok(
          allowed.includes(res.status),
          `${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
        );
        if (m.names && res.status === 400)
          assert.ok(
            JSON.stringify(res.body.error).includes(m.names),
            `${where}: the refusal does not name ${m.names}: ${JSON.stringify(res.body.error)}`
          );
      }
    );
    const run = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    if (run.failed) {
      const cause = run.errorInstance instanceof Error ? run.errorInstance.message : '';
      assert.fail(
        `${cause}\n(seed ${run.seed}, path "${run.counterexamplePath}"; FUZZ_SEED=${run.seed} repeats it)`
      );
    }
    assert.deepEqual(await footprint(), before, 'a refused request wrote something');
    const missed = all.filter((r) => !seen.has(`${r.method} ${r.path}`));
    assert.deepEqual(missed, [], 'routes the fuzzer never reached: raise FUZZ_RUNS');
    assert.equal((await request(strapi.server.httpServer).get('/_health')).status, 204);
  });
});
