import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import {
  AB_EXPOSURE_EVENT,
  type AbTest,
  type AbTestResults,
  type AbVariant,
} from '../../contracts/ab-tests';
import { TABLE } from '../../contracts/constants';
import { variantFor } from '../../server/src/ab-tests/assignment';
import { credibleInterval, probabilityBBeatsA } from '../../server/src/ab-tests/stats';
import { knexOf } from '../../server/src/database/knex';
import { getService } from '../../server/src/utils/get-service';
import { customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import {
  adminWithPermissions,
  contentApiClient,
  superAdmin,
  type AdminClient,
} from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;
let server: Awaited<ReturnType<typeof contentApiClient>>;

type Visitor = { id: number; documentId: string };

const service = () => getService(strapi, 'ab-tests');
const idle = () => strapi.plugin('segments').service('segment-refresh').idle();

const createTest = async (body: object): Promise<AbTest> => {
  const res = await admin.post('/segments/ab-tests', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data;
};

let counter = 0;
const newCustomer = async (): Promise<Visitor> => {
  counter += 1;
  const res = await admin.post('/segments/customers', {
    firstName: `Visitor${counter}`,
    emails: [`visitor${counter}@example.com`],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const documentId = res.body.data.documentId as string;
  return { id: await customerIdOf(strapi, documentId), documentId };
};

const exposuresOf = async (customer: Visitor) =>
  (
    await knexOf(strapi)(TABLE.events)
      .where({ customer_id: customer.id, type: AB_EXPOSURE_EVENT })
      .orderBy('id')
  ).map((e) => (typeof e.metadata === 'string' ? JSON.parse(e.metadata) : e.metadata));

/** Conversions of known customers, as the site's server reports them (with an API token). */
const track = (customer: Visitor, body: object) =>
  server.post('/api/segments/events', body).set('X-Customer-Id', customer.documentId);

describe('A/B tests', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    server = await contentApiClient(strapi, { token: true });
  });
  after(async () => {
    await idle();
    await stopStrapi(strapi);
  });

  describe('managing tests', () => {
    it('creates a test as a draft with a 50/50 split, lists, reads, updates and deletes it', async () => {
      const created = await createTest({ name: 'Hero banner', conversionEventType: 'SignUp' });
      assert.equal(created.status, 'draft');
      assert.equal(created.split, 50);
      assert.equal(created.startedAt, null);

      const list = await admin.get('/segments/ab-tests');
      assert.equal(list.status, 200);
      assert.ok(list.body.data.some((t: AbTest) => t.documentId === created.documentId));

      const started = await admin.put(`/segments/ab-tests/${created.documentId}`, {
        status: 'running',
        split: 20,
      });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.data.status, 'running');
      assert.equal(started.body.data.split, 20);
      assert.ok(started.body.data.startedAt, 'starting a test records when');

      const stopped = await admin.put(`/segments/ab-tests/${created.documentId}`, {
        status: 'stopped',
      });
      assert.ok(stopped.body.data.stoppedAt, 'stopping a test records when');
      assert.equal(stopped.body.data.startedAt, started.body.data.startedAt);

      const read = await admin.get(`/segments/ab-tests/${created.documentId}`);
      assert.equal(read.body.data.name, 'Hero banner');

      assert.equal((await admin.delete(`/segments/ab-tests/${created.documentId}`)).status, 200);
      const gone = await admin.get(`/segments/ab-tests/${created.documentId}`);
      assert.equal(gone.status, 404);
      assert.match(gone.body.error.message, /No A\/B test/);
    });

    it('refuses a test without a name or conversion event type, with a message naming each', async () => {
      const res = await admin.post('/segments/ab-tests', { split: 50 });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /needs a name/);
      assert.match(res.body.error.message, /needs a conversion event type/);
    });

    it('refuses a split outside 1 to 99 and an unknown event type or status', async () => {
      const split = await admin.post('/segments/ab-tests', {
        name: 'x',
        conversionEventType: 'Conversion',
        split: 150,
      });
      assert.equal(split.status, 400);
      assert.match(split.body.error.message, /split must be between 1 and 99/);

      const type = await admin.post('/segments/ab-tests', {
        name: 'x',
        conversionEventType: 'Purchase',
      });
      assert.equal(type.status, 400);
      assert.match(type.body.error.message, /"Purchase" is not known; use one of .*Conversion/);

      const test = await createTest({ name: 'y', conversionEventType: 'Conversion' });
      const status = await admin.put(`/segments/ab-tests/${test.documentId}`, {
        status: 'paused',
      });
      assert.equal(status.status, 400);
      assert.match(status.body.error.message, /status must be one of draft, running, stopped/);

      const unknown = await admin.put(`/segments/ab-tests/${test.documentId}`, { colour: 'red' });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /colour is not a field of an A\/B test/);
    });

    it('lets a role with segments.read see tests but not create, change or delete them', async () => {
      const test = await createTest({ name: 'Readable', conversionEventType: 'Click' });
      const reader = await adminWithPermissions(strapi, ['segments.read']);
      assert.equal((await reader.get('/segments/ab-tests')).status, 200);
      assert.equal((await reader.get(`/segments/ab-tests/${test.documentId}/results`)).status, 200);
      const create = await reader.post('/segments/ab-tests', {
        name: 'Nope',
        conversionEventType: 'Click',
      });
      assert.equal(create.status, 403);
      assert.equal(
        (await reader.put(`/segments/ab-tests/${test.documentId}`, { name: 'Renamed' })).status,
        403
      );
      assert.equal((await reader.delete(`/segments/ab-tests/${test.documentId}`)).status, 403);
      assert.equal(
        (await admin.get(`/segments/ab-tests/${test.documentId}`)).body.data.name,
        'Readable'
      );

      const nobody = await adminWithPermissions(strapi, ['customers.read']);
      assert.equal((await nobody.get('/segments/ab-tests')).status, 403);
    });
  });

  describe('assigning visitors', () => {
    it('gives a customer their hashed variant and records exactly one exposure, even for parallel requests', async () => {
      const test = await createTest({
        name: 'Checkout button',
        conversionEventType: 'Conversion',
        status: 'running',
      });
      const customer = await newCustomer();
      const expected = variantFor(test.documentId, customer.documentId, 50);

      const parallel = await Promise.all([
        service().assign(customer, [test.documentId]),
        service().assign(customer, [test.documentId]),
      ]);
      const again = await service().assign(customer, [test.documentId, test.documentId]);
      for (const result of [...parallel, again])
        assert.deepEqual(result, { [test.documentId]: expected });

      assert.deepEqual(await exposuresOf(customer), [
        { abTest: test.documentId, variant: expected },
      ]);
      const assignments = await knexOf(strapi)(TABLE.abAssignments).where({
        customer_id: customer.id,
      });
      assert.equal(assignments.length, 1);
    });

    it('keeps a variant once given, also after the split changes', async () => {
      const test = await createTest({
        name: 'Split change',
        conversionEventType: 'Conversion',
        status: 'running',
        split: 99,
      });
      const customers = await Promise.all([1, 2, 3, 4, 5].map(() => newCustomer()));
      const first: Record<string, AbVariant> = {};
      for (const c of customers)
        first[c.documentId] = (await service().assign(c, [test.documentId]))[test.documentId];
      await admin.put(`/segments/ab-tests/${test.documentId}`, { split: 1 });
      for (const c of customers)
        assert.equal(
          (await service().assign(c, [test.documentId]))[test.documentId],
          first[c.documentId]
        );
    });

    it('keeps the variant an anonymous visitor was given after they identify as a known customer', async () => {
      const test = await createTest({
        name: 'Merge keeps variant',
        conversionEventType: 'Conversion',
        status: 'running',
      });
      const known = await newCustomer();
      const visitor = await newCustomer();
      const given = (await service().assign(visitor, [test.documentId]))[test.documentId];
      const merged = await admin.post(`/segments/customers/${known.documentId}/merge`, {
        sourceDocumentId: visitor.documentId,
      });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.deepEqual(await service().assign(known, [test.documentId]), {
        [test.documentId]: given,
      });
      assert.equal((await exposuresOf(known)).length, 1);
      const results = await admin.get(`/segments/ab-tests/${test.documentId}/results`);
      const exposures = results.body.data.variants.map((v: { exposures: number }) => v.exposures);
      assert.equal(exposures[0] + exposures[1], 1);
    });

    it('returns a forced variant without recording it', async () => {
      const test = await createTest({
        name: 'Preview',
        conversionEventType: 'Conversion',
        status: 'running',
      });
      const customer = await newCustomer();
      assert.deepEqual(await service().assign(customer, [test.documentId], { force: 'B' }), {
        [test.documentId]: 'B',
      });
      assert.deepEqual(await service().assign(customer, [test.documentId], { force: 'A' }), {
        [test.documentId]: 'A',
      });
      assert.deepEqual(await exposuresOf(customer), []);
      const results = await admin.get(`/segments/ab-tests/${test.documentId}/results`);
      assert.equal(
        results.body.data.variants[0].exposures + results.body.data.variants[1].exposures,
        0
      );
    });

    it('assigns nothing in a draft, stopped or unknown test', async () => {
      const draft = await createTest({ name: 'Draft', conversionEventType: 'Conversion' });
      const stopped = await createTest({
        name: 'Stopped',
        conversionEventType: 'Conversion',
        status: 'stopped',
      });
      const customer = await newCustomer();
      assert.deepEqual(
        await service().assign(customer, [draft.documentId, stopped.documentId, 'nosuchtest']),
        {}
      );
      assert.deepEqual(await service().assign(customer, [stopped.documentId], { force: 'A' }), {});
      assert.deepEqual(await exposuresOf(customer), []);
    });
  });

  describe('results', () => {
    it('counts exposures and conversions at or after exposure per variant, with P(B beats A)', async () => {
      const test = await createTest({
        name: 'Pricing page',
        conversionEventType: 'Conversion',
        status: 'running',
      });
      const other = await createTest({
        name: 'Other test',
        conversionEventType: 'Conversion',
        status: 'running',
      });
      const customers = await Promise.all(Array.from({ length: 14 }, () => newCustomer()));
      const earlyConverter = customers[0];
      // A conversion before the exposure does not count for the test.
      const early = await track(earlyConverter, {
        type: 'Conversion',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      assert.equal(early.status, 202, JSON.stringify(early.body));

      const variantOf = new Map<string, AbVariant>();
      for (const c of customers) {
        const given = await service().assign(c, [test.documentId, other.documentId]);
        variantOf.set(c.documentId, given[test.documentId]);
      }
      // An exposure in another test is not an exposure in this one.
      const outsider = await newCustomer();
      await service().assign(outsider, [other.documentId]);

      // Every B customer converts (one of them twice), and the first A customer after customer 0;
      // customer 0 only did a Click afterwards, which is not this test's conversion type.
      const expected = { A: { exposures: 0, conversions: 0 }, B: { exposures: 0, conversions: 0 } };
      let firstA = true;
      for (const c of customers) {
        const v = variantOf.get(c.documentId)!;
        expected[v].exposures += 1;
        if (c === earlyConverter) {
          await track(c, { type: 'Click' });
          continue;
        }
        const converts = v === 'B' || firstA;
        if (v === 'A') firstA = false;
        if (!converts) continue;
        expected[v].conversions += 1;
        const times = v === 'B' && expected.B.conversions === 1 ? 2 : 1;
        for (let i = 0; i < times; i++) {
          const res = await track(c, { type: 'Conversion' });
          assert.equal(res.status, 202, JSON.stringify(res.body));
        }
      }
      await track(outsider, { type: 'Conversion' });

      const res = await admin.get(`/segments/ab-tests/${test.documentId}/results`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const results = res.body.data as AbTestResults;
      assert.equal(results.test.documentId, test.documentId);
      for (const [i, v] of (['A', 'B'] as const).entries()) {
        const figures = results.variants[i];
        assert.equal(figures.variant, v);
        assert.equal(figures.exposures, expected[v].exposures, `exposures of ${v}`);
        assert.equal(figures.conversions, expected[v].conversions, `conversions of ${v}`);
        assert.equal(
          figures.rate,
          expected[v].exposures ? expected[v].conversions / expected[v].exposures : 0
        );
        assert.deepEqual(
          figures.interval,
          credibleInterval(expected[v].conversions, expected[v].exposures)
        );
      }
      assert.equal(expected.A.exposures + expected.B.exposures, 14);
      const probability = probabilityBBeatsA(expected.A, expected.B);
      assert.ok(Math.abs(results.probabilityBBeatsA - probability) < 1e-12);
      assert.equal(results.significant, probability >= 0.95 || probability <= 0.05);
    });

    it('calls B significant when it converts clearly better', async () => {
      const test = await createTest({
        name: 'Clear winner',
        conversionEventType: 'SignUp',
        status: 'running',
      });
      const byVariant: Record<AbVariant, Visitor[]> = { A: [], B: [] };
      while (byVariant.A.length < 6 || byVariant.B.length < 6) {
        const c = await newCustomer();
        const v = (await service().assign(c, [test.documentId]))[test.documentId];
        byVariant[v].push(c);
      }
      for (const c of byVariant.B) await track(c, { type: 'SignUp' });
      const results = (await admin.get(`/segments/ab-tests/${test.documentId}/results`)).body
        .data as AbTestResults;
      const [a, b] = results.variants;
      assert.equal(a.conversions, 0);
      assert.equal(b.conversions, byVariant.B.length);
      assert.ok(results.probabilityBBeatsA > 0.99, String(results.probabilityBBeatsA));
      assert.equal(results.significant, true);
    });

    it('answers 404 for the results of an unknown test', async () => {
      const res = await admin.get('/segments/ab-tests/nosuchtest/results');
      assert.equal(res.status, 404);
    });
  });
});
