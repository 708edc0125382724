import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE, UID } from '../../contracts/constants';
import type { RuleNode } from '../../contracts/segment-rules';
import type { Segment } from '../../contracts/segments';
import { insertCustomers } from '../../server/src/database/bulk-insert';
import { knexOf } from '../../server/src/database/knex';
import { generateCustomers } from '../../demo/generate';
import { customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import request from 'supertest';
import { newDocumentId } from '../../server/src/database/document-id';
import {
  adminWithPermissions,
  contentApiClient,
  superAdmin,
  type AdminClient,
} from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const idle = () => strapi.plugin('segments').service('segment-refresh').idle();
const group = (...children: RuleNode[]): RuleNode => ({ kind: 'group', op: 'and', children });
const field = (f: string, operator: string, value?: unknown) =>
  ({ kind: 'field', field: f, operator, value }) as RuleNode;
const didView = (days = 30) =>
  ({
    kind: 'event',
    did: true,
    eventType: 'Conversion',
    target: { type: 'any' },
    count: { operator: 'atLeast', value: 1 },
    window: { type: 'lastDays', days },
  }) as RuleNode;

const createSegment = async (body: object): Promise<Segment> => {
  const res = await admin.post('/segments/segments', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await idle();
  return (await admin.get(`/segments/segments/${res.body.data.documentId}`)).body.data;
};

const memberEmails = async (segment: Segment) => {
  const res = await admin.get(`/segments/segments/${segment.documentId}/members?pageSize=100`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.data.map((c: { emails: string[] }) => c.emails[0]).sort();
};

const customer = async (body: object) => {
  const res = await admin.post('/segments/customers', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data as { documentId: string };
};

describe('segments', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    await customer({
      firstName: 'Eva',
      emails: ['eva@example.com'],
      gender: 'F',
      country: 'Netherlands',
      referenceId: 'CRM1',
    });
    await customer({
      firstName: 'Finn',
      emails: ['finn@example.com'],
      gender: 'M',
      country: 'Netherlands',
    });
    await customer({
      firstName: 'Gus',
      emails: ['gus@example.com'],
      gender: 'M',
      country: 'Germany',
      referenceId: 'CRM3',
    });
  });
  after(() => stopStrapi(strapi));

  it('creates a rule segment with an ID from its name and computes its members', async () => {
    const segment = await createSegment({
      name: 'Dutch women!',
      rules: group(field('gender', 'equals', 'female'), field('country', 'equals', 'Netherlands')),
    });
    assert.equal(segment.segmentId, 'dutch-women');
    assert.equal(segment.kind, 'rule');
    assert.equal(segment.memberCount, 1);
    assert.ok(segment.lastComputedAt, 'shows when it was computed');
    assert.deepEqual(await memberEmails(segment), ['eva@example.com']);
    const history = await admin.get(`/segments/segments/${segment.documentId}/history`);
    assert.equal(history.body.data.at(-1).memberCount, 1);
  });

  it('keeps an ID the editor typed, and refuses IDs the reference does not allow', async () => {
    const segment = await createSegment({
      name: 'Germans',
      segmentId: 'CRM_germans 2',
      rules: group(field('country', 'equals', 'Germany')),
    });
    assert.equal(segment.segmentId, 'CRM_germans 2');
    for (const segmentId of ['ab', 'no!', 'ümlaut']) {
      const res = await admin.post('/segments/segments', {
        name: 'x',
        segmentId,
        rules: group(field('gender', 'equals', 'male')),
      });
      assert.equal(res.status, 400, segmentId);
      assert.match(res.body.error.message, /A-Z, a-z, 0-9, hyphens, underscores and spaces/);
    }
    const twice = await admin.post('/segments/segments', {
      name: 'Other',
      segmentId: 'CRM_germans 2',
      rules: group(field('gender', 'equals', 'male')),
    });
    assert.equal(twice.status, 400);
    assert.match(twice.body.error.message, /already used by another segment/);
  });

  it('takes rules exactly as deep as its message says', async () => {
    const deep = (n: number): RuleNode =>
      n === 0 ? field('gender', 'equals', 'male') : group(deep(n - 1));
    const seven = await admin.post('/segments/segments/preview', { rules: deep(7) });
    assert.equal(seven.status, 200, '7 groups and their condition are 8 levels');
    const eight = await admin.post('/segments/segments/preview', { rules: deep(8) });
    assert.equal(eight.status, 400);
    assert.match(eight.body.error.message, /8 levels deep at most/);
  });

  it('answers 400 with a clear message for trees it cannot compile', async () => {
    const deep = (n: number): RuleNode =>
      n === 0 ? field('gender', 'equals', 'male') : group(deep(n - 1));
    const cases: [RuleNode | object, RegExp][] = [
      [group(field('shoeSize', 'equals', 42)), /Unknown field "shoeSize"/],
      [group(field('age', 'equals', 'old')), /age needs a number/],
      [group(field('gender', 'contains', 'fe')), /Operator "contains" does not apply to gender/],
      [group(field('gender', 'equals', 'robot')), /gender must be one of female, male, other/],
      [group({ kind: 'magic' } as never), /Unknown condition kind "magic"/],
      [field('gender', 'equals', 'male'), /must be a group at the top/],
      [deep(8), /Rules may be 8 levels deep at most/],
      [
        group({ kind: 'segment', operator: 'in', segmentId: 'nope' } as RuleNode),
        /There is no segment "nope"/,
      ],
      [
        group({
          ...(didView() as object),
          target: { type: 'contentType', uid: 'api::article.article', field: 'nope', value: 'x' },
        } as RuleNode),
        /has no field "nope"/,
      ],
    ];
    for (const [rules, message] of cases) {
      const res = await admin.post('/segments/segments', {
        name: 'Bad',
        segmentId: 'bad-tree',
        rules,
      });
      assert.equal(res.status, 400, JSON.stringify(rules));
      assert.match(res.body.error.message, message);
    }
    const { body } = await admin.get('/segments/segments');
    assert.ok(!body.data.some((s: Segment) => s.segmentId === 'bad-tree'), 'nothing saved');
  });

  it('refuses a cycle of segments that refer to each other', async () => {
    const a = await createSegment({
      name: 'Cycle A',
      rules: group(field('gender', 'equals', 'male')),
    });
    await createSegment({
      name: 'Cycle B',
      rules: group({ kind: 'segment', operator: 'in', segmentId: 'cycle-a' } as RuleNode),
    });
    const res = await admin.put(`/segments/segments/${a.documentId}`, {
      rules: group({ kind: 'segment', operator: 'in', segmentId: 'cycle-b' } as RuleNode),
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /cycle of segments: cycle-a -> cycle-b -> cycle-a/);
    const del = await admin.delete(`/segments/segments/${a.documentId}`);
    assert.equal(del.status, 400);
    assert.match(del.body.error.message, /Cycle B refer to this segment/);
  });

  it('stores and matches a value such as "\'; DROP TABLE" as a literal', async () => {
    const city = "x'; DROP TABLE segments_customers; --";
    await customer({ firstName: 'Hacker', emails: ['h@example.com'], city });
    const segment = await createSegment({
      name: 'Odd city',
      rules: group(field('city', 'equals', city)),
    });
    assert.deepEqual(await memberEmails(segment), ['h@example.com']);
    assert.deepEqual(segment.rules, group(field('city', 'equals', city)));
  });

  it('moves a customer in and out as their events are created and deleted', async () => {
    const segment = await createSegment({ name: 'Converters', rules: group(didView()) });
    assert.deepEqual(await memberEmails(segment), []);
    const finn = await customerIdOf(
      strapi,
      (await admin.get('/segments/customers?q=finn@example.com')).body.data[0].documentId
    );
    const event = await strapi.documents(UID.event as never).create({
      data: { customerId: finn, type: 'Conversion', occurredAt: new Date().toISOString() } as never,
    });
    await idle();
    assert.deepEqual(await memberEmails(segment), ['finn@example.com']);
    await strapi.documents(UID.event as never).delete({ documentId: event.documentId });
    await idle();
    assert.deepEqual(await memberEmails(segment), []);
  });

  it('re-evaluates a customer when an editor changes them', async () => {
    const segment = await createSegment({
      name: 'Germany',
      rules: group(field('country', 'equals', 'Germany')),
    });
    const finn = (await admin.get('/segments/customers?q=finn@example.com')).body.data[0];
    await admin.put(`/segments/customers/${finn.documentId}`, { country: 'Germany' });
    assert.deepEqual(await memberEmails(segment), ['finn@example.com', 'gus@example.com']);
    assert.equal(
      (await admin.get(`/segments/segments/${segment.documentId}`)).body.data.memberCount,
      2
    );
    await admin.put(`/segments/customers/${finn.documentId}`, { country: 'Netherlands' });
    assert.deepEqual(await memberEmails(segment), ['gus@example.com']);
  });

  it('recomputes all members in the background when the rules change', async () => {
    const segment = await createSegment({
      name: 'Men',
      rules: group(field('gender', 'equals', 'male')),
    });
    assert.equal(segment.memberCount, 2);
    const res = await admin.put(`/segments/segments/${segment.documentId}`, {
      rules: group(field('gender', 'equals', 'female')),
    });
    assert.equal(res.status, 200);
    await idle();
    assert.deepEqual(await memberEmails(segment), ['eva@example.com']);
  });

  it('previews how many customers a tree matches without saving it', async () => {
    const before = (await admin.get('/segments/segments')).body.data.length;
    const res = await admin.post('/segments/segments/preview', {
      rules: group(field('country', 'equals', 'Netherlands')),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.data.count, 2);
    assert.deepEqual(res.body.data.sample.map((c: { emails: string[] }) => c.emails[0]).sort(), [
      'eva@example.com',
      'finn@example.com',
    ]);
    assert.equal((await admin.get('/segments/segments')).body.data.length, before);
  });

  it('keeps external segments without rules, filled by a CRM by email or reference id', async () => {
    const segment = await createSegment({
      name: 'CRM gold',
      segmentId: 'crm-gold',
      kind: 'external',
    });
    assert.equal(segment.memberCount, 0);
    const withRules = await admin.post('/segments/segments', {
      name: 'x',
      kind: 'external',
      rules: group(field('gender', 'equals', 'male')),
    });
    assert.equal(withRules.status, 400);
    assert.match(withRules.body.error.message, /external segment has no rules/);
    const push = await admin.put(`/segments/segments/${segment.documentId}/members`, {
      emails: ['EVA@example.com', 'nobody@example.com'],
      referenceIds: ['CRM3'],
    });
    assert.equal(push.status, 200, JSON.stringify(push.body));
    assert.deepEqual(push.body.data, { matched: 2, unknown: 1, memberCount: 2 });
    await admin.put(`/segments/segments/${segment.documentId}/members`, {
      mode: 'remove',
      referenceIds: ['CRM3'],
    });
    assert.deepEqual(await memberEmails(segment), ['eva@example.com']);
    const rule = (await admin.get('/segments/segments')).body.data.find(
      (s: Segment) => s.kind === 'rule'
    );
    const refused = await admin.put(`/segments/segments/${rule.documentId}/members`, {
      emails: ['eva@example.com'],
    });
    assert.equal(refused.status, 400);
  });

  it('lets a CRM with an API token push members by segment ID, and refuses callers without one', async () => {
    const anonymous = await request(strapi.server.httpServer)
      .put('/api/segments/external-segments/crm-gold/members')
      .send({ emails: ['gus@example.com'] });
    assert.equal(anonymous.status, 403);
    const crm = await contentApiClient(strapi, { token: true });
    const res = await crm.put('/api/segments/external-segments/crm-gold/members', {
      mode: 'replace',
      emails: ['gus@example.com'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data, { matched: 1, unknown: 0, memberCount: 1 });
  });

  it('explains for each rule segment whether a customer is in and which condition decided', async () => {
    const eva = (await admin.get('/segments/customers?q=eva@example.com')).body.data[0];
    const res = await admin.get(`/segments/customers/${eva.documentId}/segments/explain`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const dutch = res.body.data.find((e: { segmentId: string }) => e.segmentId === 'dutch-women');
    assert.equal(dutch.member, true);
    const germany = res.body.data.find((e: { segmentId: string }) => e.segmentId === 'germany');
    assert.equal(germany.member, false);
    assert.deepEqual(germany.decidedBy, {
      path: [0],
      condition: field('country', 'equals', 'Germany'),
      held: false,
    });
    assert.ok(germany.documentId);
  });

  it('keeps saving customers when a stored segment has rules it can no longer read', async () => {
    const now = new Date();
    await knexOf(strapi)(TABLE.segments).insert({
      document_id: 'legacyrules0000000000000',
      name: 'Legacy',
      segment_id: 'legacy',
      kind: 'rule',
      rules: JSON.stringify({ kind: 'group', op: 'and', children: [{ kind: 'condition' }] }),
      member_count: 0,
      created_at: now,
      updated_at: now,
    });
    const eva = (await admin.get('/segments/customers?q=eva@example.com')).body.data[0];
    const res = await admin.put(`/segments/customers/${eva.documentId}`, { jobTitle: 'Pilot' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await knexOf(strapi)(TABLE.segments).where('segment_id', 'legacy').delete();
  });

  it('lets a reader see segments but not change them', async () => {
    const reader = await adminWithPermissions(strapi, ['segments.read']);
    assert.equal((await reader.get('/segments/segments')).status, 200);
    assert.equal(
      (
        await reader.post('/segments/segments', {
          name: 'x',
          rules: group(field('gender', 'equals', 'male')),
        })
      ).status,
      403
    );
  });

  it('runs the hourly time-window refresh once even when two instances ask', async () => {
    const engine = strapi.plugin('segments').service('segment-refresh');
    const [first, second] = await Promise.all([
      engine.refreshTimeWindows(),
      engine.refreshTimeWindows(),
    ]);
    assert.deepEqual([first.ran, second.ran].sort(), [false, true]);
    assert.equal((await engine.refreshTimeWindows()).ran, false, 'not again within the hour');
  });

  it('puts 1,000 customers written in bulk into the right segments', async () => {
    const segment = await createSegment({
      name: 'Bulk women',
      rules: group(field('gender', 'equals', 'female'), field('tags', 'equals', 'bulk')),
    });
    const people = generateCustomers(1000, 99).map((c) => ({
      ...c,
      tags: ['bulk'],
      emails: c.emails.map((e) => `bulk.${e}`),
    }));
    const ids = await knexOf(strapi).transaction((trx) => insertCustomers(trx, people, 'import'));
    await strapi.plugin('segments').service('segment-refresh').refreshCustomers(ids);
    const women = people.filter((p) => p.gender === 'female').length;
    const [{ n }] = await knexOf(strapi)(TABLE.memberships)
      .where(
        'segment_id',
        (await knexOf(strapi)(TABLE.segments).where('segment_id', segment.segmentId).first()).id
      )
      .count({ n: '*' });
    assert.equal(Number(n), women);
    assert.equal(
      (await admin.get(`/segments/segments/${segment.documentId}`)).body.data.memberCount,
      women
    );
  });
  it('follows rules another instance changed, on the next refresh of a customer', async () => {
    const engine = strapi.plugin('segments').service('segment-refresh');
    const segment = await createSegment({
      name: 'Job title watchers',
      rules: group(field('jobTitle', 'equals', 'Astronomer')),
    });
    const pilot = await customer({ emails: ['pilot@example.com'], jobTitle: 'Astronomer' });
    await idle();
    assert.deepEqual(await memberEmails(segment), ['pilot@example.com']);
    const id = await customerIdOf(strapi, pilot.documentId);
    await engine.refreshCustomers([id]); // this instance now holds the rules it read
    // Another instance changes the rules (and the segment's updated_at) in the database.
    await knexOf(strapi)(TABLE.segments)
      .where('segment_id', segment.segmentId)
      .update({
        rules: JSON.stringify(group(field('jobTitle', 'equals', 'Harbour pilot'))),
        updated_at: new Date(Date.now() + 1000),
      });
    await engine.refreshCustomers([id]);
    assert.deepEqual(await memberEmails(segment), [], 'the pilot is no longer a member');
  });
  it('moves a customer in and out of a segment of segments when they change', async () => {
    const mapmakers = await createSegment({
      name: 'Mapmakers',
      rules: group(field('jobTitle', 'equals', 'Cartographer')),
    });
    const inner = await createSegment({
      name: 'Friends of mapmakers',
      rules: group({ kind: 'segment', operator: 'in', segmentId: mapmakers.segmentId } as RuleNode),
    });
    const maker = await customer({ emails: ['maps@example.com'], jobTitle: 'Cartographer' });
    await idle();
    assert.deepEqual(await memberEmails(mapmakers), ['maps@example.com']);
    assert.deepEqual(await memberEmails(inner), ['maps@example.com']);
    const res = await admin.put(`/segments/customers/${maker.documentId}`, { jobTitle: 'Sailor' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await idle();
    assert.deepEqual(await memberEmails(mapmakers), []);
    assert.deepEqual(await memberEmails(inner), [], 'the segment of segments follows at once');
  });

  it('counts a customer without the value as outside a segment, for "not in segment"', async () => {
    const keepers = await createSegment({
      name: 'Lighthouse keepers',
      rules: group(field('jobTitle', 'equals', 'Lighthouse keeper')),
    });
    const others = await createSegment({
      name: 'Not lighthouse keepers',
      rules: group({
        kind: 'segment',
        operator: 'notIn',
        segmentId: keepers.segmentId,
      } as RuleNode),
    });
    const lamp = await customer({ emails: ['lamp@example.com'] });
    await idle();
    assert.ok(
      (await memberEmails(others)).includes('lamp@example.com'),
      'no job title: not a keeper'
    );
    let res = await admin.put(`/segments/customers/${lamp.documentId}`, {
      jobTitle: 'Lighthouse keeper',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await idle();
    assert.deepEqual(await memberEmails(keepers), ['lamp@example.com']);
    assert.ok(!(await memberEmails(others)).includes('lamp@example.com'), 'a keeper now');
    res = await admin.put(`/segments/customers/${lamp.documentId}`, { jobTitle: 'Sailor' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await idle();
    assert.deepEqual(await memberEmails(keepers), []);
    assert.ok((await memberEmails(others)).includes('lamp@example.com'), 'no longer a keeper');
  });

  it('counts a customer with an empty field as outside a NOT group, in the preview, the segment and each refresh', async () => {
    for (const city of ['Utrecht', undefined, undefined]) {
      await customer({
        emails: [`owl.${city ?? newDocumentId()}@example.com`],
        tags: ['nightowl'],
        city,
      });
    }
    const rules: RuleNode = group(field('tags', 'equals', 'NightOwl'), {
      kind: 'group',
      op: 'and',
      not: true,
      children: [field('city', 'equals', 'Zzz')],
    });
    const preview = await admin.post('/segments/segments/preview', { rules });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.data.count, 3);
    const owls = await createSegment({ name: 'Night owls outside Zzz', rules });
    assert.equal(owls.memberCount, 3);
    const moved = (await memberEmails(owls)).find((e: string) => e.startsWith('owl.utrecht'));
    const { data } = (await admin.get(`/segments/customers?q=${moved}`)).body;
    const res = await admin.put(`/segments/customers/${data[0].documentId}`, { city: 'ZZZ' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await idle();
    assert.equal((await memberEmails(owls)).length, 2, 'a customer in Zzz leaves');
  });

  it('refuses rules naming an event type tracking does not record or a segment that is not there', async () => {
    const rules = group(
      { ...(didView() as object), eventType: 'Bogus' } as RuleNode,
      { kind: 'firstEvent', eventType: 'view', days: 7 } as RuleNode,
      { kind: 'segment', operator: 'notIn', segmentId: 'ghost' } as RuleNode
    );
    const existing = await createSegment({
      name: 'Checked names',
      rules: group(field('gender', 'equals', 'male')),
    });
    for (const res of [
      await admin.post('/segments/segments', { name: 'Bogus names', rules }),
      await admin.put(`/segments/segments/${existing.documentId}`, { rules }),
      await admin.post('/segments/segments/preview', { rules }),
    ]) {
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const { message } = res.body.error;
      assert.match(message, /Event type "Bogus" is not one that tracking records; use one of View/);
      assert.match(message, /Event type "view" is not one/);
      assert.match(message, /There is no segment "ghost"/);
    }
    const { body } = await admin.get('/segments/segments');
    assert.ok(!body.data.some((s: Segment) => s.name === 'Bogus names'), 'nothing saved');
  });
});
