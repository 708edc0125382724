import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import { seedDemo } from '../../demo/seed';
import { knexOf } from '../../server/src/database/knex';
import { indexesOf as indexesOfTable } from '../helpers/schema';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let admin: AdminClient;

const indexesOf = (table: string) => indexesOfTable(strapi, table);

describe('the plugin in a Strapi app', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
  });
  after(() => stopStrapi(strapi));

  it('registers its three content types with every profile, event and segment field', () => {
    const customer = strapi.contentType('plugin::segments.customer');
    for (const field of [
      'firstName',
      'lastName',
      'gender',
      'dateOfBirth',
      'street',
      'houseNumber',
      'zipCode',
      'city',
      'country',
      'jobTitle',
      'referenceId',
      'source',
      'lastActivityAt',
      'anonymizedAt',
      'createdAt',
      'updatedAt',
    ]) {
      assert.ok(customer.attributes[field], `customer.${field}`);
    }
    const event = strapi.contentType('plugin::segments.event');
    for (const field of [
      'customerId',
      'type',
      'itemUid',
      'itemDocumentId',
      'itemLocale',
      'url',
      'referrer',
      'utmSource',
      'utmMedium',
      'utmCampaign',
      'utmTerm',
      'utmContent',
      'occurredAt',
      'metadata',
    ]) {
      assert.ok(event.attributes[field], `event.${field}`);
    }
    const segment = strapi.contentType('plugin::segments.segment');
    for (const field of ['name', 'segmentId', 'kind', 'rules', 'memberCount', 'lastComputedAt']) {
      assert.ok(segment.attributes[field], `segment.${field}`);
    }
  });

  it('keeps emails, phones, visitor ids, tags, subscriptions and terms in indexed tables', async () => {
    const expectations: [string, string[]][] = [
      [TABLE.emails, ['normalized']],
      [TABLE.phones, ['phone', 'customer_id']],
      [TABLE.visitorIds, ['visitor_id']],
      [TABLE.tags, ['tag', 'customer_id']],
      [TABLE.subscriptions, ['subscription', 'customer_id']],
      [TABLE.terms, ['term_id', 'given_at', 'customer_id']],
      [TABLE.memberships, ['segment_id', 'customer_id']],
      [TABLE.events, ['customer_id', 'type', 'item_document_id', 'occurred_at']],
      [TABLE.events, ['item_document_id', 'type', 'occurred_at', 'customer_id']],
    ];
    for (const [table, columns] of expectations) {
      const indexes = await indexesOf(table);
      assert.ok(
        indexes.some((i) => i.columns.join(',') === columns.join(',')),
        `${table} has an index on (${columns.join(', ')}); found ${JSON.stringify(indexes.map((i) => i.columns))}`
      );
    }
    const unique = (await indexesOf(TABLE.emails)).find((i) => i.columns.join() === 'normalized');
    assert.equal(unique?.unique, true);
  });

  it('refuses a second customer with the same email in another letter case', async () => {
    const first = await admin.post('/segments/customers', {
      firstName: 'Jan',
      emails: ['jan@example.com'],
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await admin.post('/segments/customers', {
      firstName: 'Other',
      emails: ['JAN@Example.COM'],
    });
    assert.equal(second.status, 400);
    assert.match(second.body.error.message, /jan@example\.com already belongs to another customer/);
    const owners = await knexOf(strapi)(TABLE.emails).where('normalized', 'jan@example.com');
    assert.equal(owners.length, 1);
  });

  it('has the database itself refuse a duplicate email, whoever writes it', async () => {
    const [row] = await knexOf(strapi)(TABLE.emails).where('normalized', 'jan@example.com');
    await assert.rejects(
      knexOf(strapi)(TABLE.emails).insert({
        customer_id: row.customer_id,
        email: 'Jan@example.com',
        normalized: 'jan@example.com',
        position: 1,
      })
    );
  });

  it('returns a created customer with its normalised fields', async () => {
    const res = await admin.post('/segments/customers', {
      firstName: 'Anna',
      lastName: 'de Vries',
      emails: ['Anna@Example.com'],
      phones: ['+31 030-2271710'],
      gender: 'F',
      dateOfBirth: '15-04-1990',
      country: 'The Netherlands',
      tags: ['vip'],
      terms: [{ termId: 'privacy', givenAt: '01-02-2024' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const c = res.body.data;
    assert.deepEqual(
      [c.fullName, c.emails, c.phones, c.gender, c.dateOfBirth, c.country, c.tags, c.terms],
      [
        'Anna de Vries',
        ['anna@example.com'],
        ['310302271710'],
        'female',
        '1990-04-15',
        'Netherlands',
        ['vip'],
        [{ termId: 'privacy', givenAt: '2024-02-01' }],
      ]
    );
    const again = await admin.get(`/segments/customers/${c.documentId}`);
    assert.equal(again.body.data.fullName, 'Anna de Vries');
  });

  it('answers 400 with a message per invalid field and writes nothing', async () => {
    const before = await knexOf(strapi)(TABLE.customers).count({ n: '*' });
    const res = await admin.post('/segments/customers', {
      emails: ['not-an-email'],
      gender: 'X',
      dateOfBirth: '31-02-1990',
      country: 'Atlantis',
      referenceId: 'abc-123',
    });
    assert.equal(res.status, 400);
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]);
    for (const field of ['emails', 'gender', 'dateOfBirth', 'country', 'referenceId']) {
      assert.ok(paths.includes(field), `an error for ${field}: ${JSON.stringify(res.body.error)}`);
    }
    const afterCount = await knexOf(strapi)(TABLE.customers).count({ n: '*' });
    assert.deepEqual(afterCount, before);
  });

  it('refuses to write latest activity through the admin API', async () => {
    const res = await admin.post('/segments/customers', { lastActivityAt: '2024-01-01T00:00:00Z' });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /lastActivityAt can not be written/);
  });

  it('lets a role without the create permission read but not add customers', async () => {
    const reader = await adminWithPermissions(strapi, ['customers.read']);
    assert.equal((await reader.get('/segments/customers')).status, 200);
    const res = await reader.post('/segments/customers', { firstName: 'Nope' });
    assert.equal(res.status, 403);
  });

  it('refuses anonymous callers on the admin API', async () => {
    const res = await admin.get('/segments/customers').set('Authorization', '');
    assert.equal(res.status, 401);
  });

  it('seeds the demo once: a second run adds nothing', async () => {
    const first = await seedDemo(strapi, {
      customers: 120,
      events: 600,
      items: [{ uid: 'api::article.article', documentId: 'abc', slug: 'abc' }],
    });
    assert.equal(first.seeded, true);
    assert.ok(
      first.customers >= 120 && first.events === 600 && first.segments === 5,
      JSON.stringify(first)
    );
    const second = await seedDemo(strapi, { customers: 120, events: 600, items: [] });
    assert.deepEqual({ ...second, seeded: undefined }, { ...first, seeded: undefined });
    assert.equal(second.seeded, false);
  });

  it('ships no demo seeding in the plugin: only the playground and the tests seed', () => {
    assert.equal(strapi.plugin('segments').services.demo, undefined);
  });
});
