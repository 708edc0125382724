import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { contentApiClient, superAdmin, type AdminClient } from '../helpers/users';

const PROMO = 'api::promo.promo';
const vip = { segment: 'vip-members', abTest: null, variant: null };
const campaign = { segment: 'campaign-x', abTest: null, variant: null };
const nobody = { segment: null, abTest: null, variant: null };

let strapi: Core.Strapi;
let admin: AdminClient;
let api: Awaited<ReturnType<typeof contentApiClient>>;

// docs/personalization.md, Response: the content API answers `audience` as an object on reads
// and writes, on REST and GraphQL alike; the stored value stays the canonical string.
describe('the Audience field as the content API answers it', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    api = await contentApiClient(strapi, { token: true });
  });
  after(() => stopStrapi(strapi));

  it('answers a REST POST with the audience object, on the entry and in its blocks', async () => {
    const res = await api.post('/api/promos?populate=*', {
      data: {
        title: 'Posted',
        audience: { segment: 'vip-members' },
        blocks: [
          { __component: 'promo.hero', headline: 'Hi', audience: { segment: 'campaign-x' } },
        ],
        variants: [{ label: 'Deal', audience: JSON.stringify(vip) }],
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.data.audience, vip);
    assert.deepEqual(res.body.data.blocks[0].audience, campaign);
    assert.deepEqual(res.body.data.variants[0].audience, vip);
    const stored = await strapi.db
      .query(PROMO)
      .findOne({ where: { documentId: res.body.data.documentId } });
    assert.equal(stored.audience, JSON.stringify(vip), 'stored as the canonical string');
  });

  it('answers a REST PUT with the audience object, and the empty audience as one too', async () => {
    const { documentId } = await strapi.documents(PROMO).create({ data: { title: 'To edit' } });
    const targeted = await api.put(`/api/promos/${documentId}`, {
      data: { audience: { segment: 'campaign-x' } },
    });
    assert.equal(targeted.status, 200, JSON.stringify(targeted.body));
    assert.deepEqual(targeted.body.data.audience, campaign);
    const cleared = await api.put(`/api/promos/${documentId}`, { data: { audience: null } });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    assert.deepEqual(cleared.body.data.audience, nobody);
  });

  it('answers GraphQL queries and mutations with the audience object', async () => {
    const created = await api.post('/graphql', {
      query: `mutation($data: PromoInput!) { createPromo(data: $data) {
        documentId title audience } }`,
      variables: {
        data: { title: 'By GraphQL', audience: JSON.stringify({ segment: 'vip-members' }) },
      },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    assert.deepEqual(created.body.data.createPromo.audience, vip);
    const read = await api
      .post('/graphql', {
        query: `{ promos(filters: { title: { eq: "By GraphQL" } }) { title audience } }`,
      })
      .set('X-Segments', 'vip-members');
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(read.body.data.promos, [{ title: 'By GraphQL', audience: vip }]);
  });

  it('keeps the stored string in the Content Manager, whose Audience input reads it', async () => {
    const res = await admin.post(`/content-manager/collection-types/${PROMO}`, {
      title: 'By an editor',
      audience: JSON.stringify({ segment: 'vip-members' }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.data.audience, JSON.stringify(vip));
  });
});
