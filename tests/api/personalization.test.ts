import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import {
  adminWithPermissions,
  contentApiClient,
  superAdmin,
  type AdminClient,
} from '../helpers/users';
import { customerOfVisitorId, newVisitorId } from '../helpers/visitors';

const PROMO = 'api::promo.promo';
const vip = { segment: 'vip-members', abTest: null, variant: null };
const campaign = { segment: 'campaign-x', abTest: null, variant: null };

let strapi: Core.Strapi;
let admin: AdminClient;
let api: Awaited<ReturnType<typeof contentApiClient>>;
let member: { documentId: string };
let outsider: { documentId: string };
const promo: Record<string, string> = {};

const populate = 'populate=*';
const titles = (body: { data: { title: string }[] }) => body.data.map((p) => p.title).sort();
const headlines = (entry: { blocks: { headline?: string; body?: string }[] }) =>
  entry.blocks.map((b) => b.headline ?? b.body);
const labels = (entry: { variants: { label: string }[] }) => entry.variants.map((v) => v.label);

const create = async (data: Record<string, unknown>) =>
  (await strapi.documents(PROMO).create({ data: data as any })).documentId;

describe('personalized content API responses', () => {
  before(async () => {
    strapi = await bootStrapi();
    admin = await superAdmin(strapi);
    api = await contentApiClient(strapi, { token: true });
    member = (await admin.post('/segments/customers', { emails: ['vip@example.com'] })).body.data;
    outsider = (await admin.post('/segments/customers', { emails: ['plain@example.com'] })).body
      .data;
    const segment = (
      await admin.post('/segments/segments', {
        name: 'VIP members',
        segmentId: 'vip-members',
        kind: 'external',
      })
    ).body.data;
    const push = await admin.put(`/segments/segments/${segment.documentId}/members`, {
      emails: ['vip@example.com'],
    });
    assert.equal(push.status, 200, JSON.stringify(push.body));

    const article = await strapi
      .documents('api::article.article')
      .create({ data: { title: 'Linked story' }, status: 'published' });
    promo.everyone = await create({
      title: 'For everyone',
      article: article.documentId,
      blocks: [
        { __component: 'promo.hero', headline: 'Welcome back, VIP', audience: vip },
        { __component: 'promo.hero', headline: 'Campaign hero', audience: campaign },
        { __component: 'promo.hero', headline: 'Hello visitor', audience: null },
        { __component: 'promo.text', body: 'Always here' },
      ],
      variants: [
        { label: 'VIP deal', audience: JSON.stringify(vip) },
        { label: 'Standard deal', audience: null },
      ],
    });
    promo.everyone2 = await create({ title: 'Also for everyone' });
    promo.vip = await create({ title: 'VIP only', audience: vip });
    promo.campaign = await create({ title: 'Campaign only', audience: campaign });
  });
  after(() => stopStrapi(strapi));

  it('gives a visitor without headers the fallback content only', async () => {
    const res = await api.get(`/api/promos?${populate}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(titles(res.body), ['Also for everyone', 'For everyone']);
    const entry = res.body.data.find((p: { title: string }) => p.title === 'For everyone');
    assert.deepEqual(headlines(entry), ['Hello visitor', 'Always here']);
    assert.deepEqual(labels(entry), ['Standard deal']);
    assert.equal(entry.article.title, 'Linked story', 'relations are still populated');
    assert.deepEqual(res.body.meta.personalization, {
      personalized: true,
      customer: null,
      segments: [],
      variants: {},
    });
  });

  it('gives a customer in segment S the entries and blocks for S instead of the fallback', async () => {
    const res = await api.get(`/api/promos?${populate}`).set('X-Customer-Id', member.documentId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(titles(res.body), ['Also for everyone', 'For everyone', 'VIP only']);
    const entry = res.body.data.find((p: { title: string }) => p.title === 'For everyone');
    assert.deepEqual(headlines(entry), ['Welcome back, VIP', 'Always here']);
    assert.deepEqual(labels(entry), ['VIP deal']);
    assert.deepEqual(entry.blocks[0].audience, vip, 'the audience is shown as an object');
    assert.equal(res.body.meta.personalization.customer, member.documentId);
    assert.deepEqual(res.body.meta.personalization.segments, ['vip-members']);
  });

  it('gives a visitor in external segment E (X-Segments) the content for E', async () => {
    const res = await api
      .get(`/api/promos?${populate}`)
      .set('X-Segments', 'campaign-x, newsletter');
    assert.deepEqual(titles(res.body), ['Also for everyone', 'Campaign only', 'For everyone']);
    const entry = res.body.data.find((p: { title: string }) => p.title === 'For everyone');
    assert.deepEqual(headlines(entry), ['Campaign hero', 'Always here']);
    assert.deepEqual(labels(entry), ['Standard deal'], 'no VIP variant: the fallback stays');
    assert.deepEqual(res.body.meta.personalization.segments, ['campaign-x', 'newsletter']);
  });

  it('combines the customer segments with X-Segments', async () => {
    const res = await api
      .get('/api/promos')
      .set('X-Customer-Id', member.documentId)
      .set('X-Segments', 'campaign-x');
    assert.deepEqual(titles(res.body), [
      'Also for everyone',
      'Campaign only',
      'For everyone',
      'VIP only',
    ]);
  });

  it('filters GraphQL queries by the visitor as REST does', async () => {
    const query = `{ promos(sort: "title") { title audience
      blocks { ... on ComponentPromoHero { headline } ... on ComponentPromoText { body } }
      variants { label } } }`;
    const graphql = (headers: Record<string, string>) => {
      const req = api.post('/graphql', { query });
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      return req;
    };
    const anonymous = await graphql({});
    assert.equal(anonymous.status, 200, JSON.stringify(anonymous.body));
    assert.deepEqual(
      anonymous.body.data.promos.map((p: { title: string }) => p.title),
      ['Also for everyone', 'For everyone']
    );
    const res = await graphql({ 'X-Segments': 'campaign-x' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(String(res.headers.vary), /X-Segments/);
    const promos = res.body.data.promos as { title: string; audience: unknown }[];
    assert.deepEqual(
      promos.map((p) => p.title),
      ['Also for everyone', 'Campaign only', 'For everyone']
    );
    assert.deepEqual(promos[1].audience, campaign, 'the audience as an object, as on REST');
    assert.deepEqual(promos[0].audience, { segment: null, abTest: null, variant: null });
    const entry = res.body.data.promos[2];
    assert.deepEqual(headlines(entry), ['Campaign hero', 'Always here']);
    assert.deepEqual(labels(entry), ['Standard deal']);
  });

  it('gives a customer in no segment the fallback content', async () => {
    const res = await api.get(`/api/promos?${populate}`).set('X-Customer-Id', outsider.documentId);
    assert.deepEqual(titles(res.body), ['Also for everyone', 'For everyone']);
    const entry = res.body.data.find((p: { title: string }) => p.title === 'For everyone');
    assert.deepEqual(headlines(entry), ['Hello visitor', 'Always here']);
    assert.deepEqual(res.body.meta.personalization.segments, []);
  });

  it('knows a visitor by the id the tracker gave them (X-Visitor-Id), as the tracking API does', async () => {
    const visitor = newVisitorId();
    const tracked = await api
      .post('/api/segments/events', { type: 'PageVisit', url: 'https://shop.example.com/' })
      .set('X-Visitor-Id', visitor);
    assert.equal(tracked.status, 202, JSON.stringify(tracked.body));
    const res = await api.get('/api/promos').set('X-Visitor-Id', visitor);
    assert.equal(
      res.body.meta.personalization.customer,
      await customerOfVisitorId(strapi, visitor)
    );
    assert.deepEqual(titles(res.body), ['Also for everyone', 'For everyone']);
  });

  it('returns every entry and block with its audience for personalize=false', async () => {
    const res = await api.get(`/api/promos?personalize=false&${populate}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(titles(res.body), [
      'Also for everyone',
      'Campaign only',
      'For everyone',
      'VIP only',
    ]);
    const entry = res.body.data.find((p: { title: string }) => p.title === 'For everyone');
    assert.equal(entry.blocks.length, 4);
    assert.deepEqual(labels(entry), ['VIP deal', 'Standard deal']);
    assert.deepEqual(entry.variants[0].audience, vip);
    const vipEntry = res.body.data.find((p: { title: string }) => p.title === 'VIP only');
    assert.deepEqual(vipEntry.audience, vip);
    assert.equal(res.body.meta.personalization.personalized, false);
    assert.doesNotMatch(String(res.headers.vary ?? ''), /X-Customer-Id/);
  });

  it('counts only the entries the visitor gets in the pagination totals', async () => {
    const anonymous = await api.get('/api/promos?pagination[pageSize]=1');
    assert.equal(anonymous.body.data.length, 1);
    assert.deepEqual(anonymous.body.meta.pagination, {
      page: 1,
      pageSize: 1,
      pageCount: 2,
      total: 2,
    });
    const forMember = await api
      .get('/api/promos?pagination[pageSize]=2&pagination[page]=2')
      .set('X-Customer-Id', member.documentId);
    assert.equal(forMember.body.meta.pagination.total, 3);
    assert.equal(forMember.body.data.length, 1);
    const all = await api.get('/api/promos?personalize=false&pagination[pageSize]=1');
    assert.equal(all.body.meta.pagination.total, 4);
  });

  it('keeps working with filters of the request', async () => {
    const res = await api
      .get('/api/promos?filters[title][$contains]=only')
      .set('X-Customer-Id', member.documentId);
    assert.deepEqual(titles(res.body), ['VIP only']);
  });

  it('answers 404 for one entry that is not for the visitor, and gives it to one who is', async () => {
    const hidden = await api.get(`/api/promos/${promo.vip}`);
    assert.equal(hidden.status, 404);
    const shown = await api.get(`/api/promos/${promo.vip}`).set('X-Customer-Id', member.documentId);
    assert.equal(shown.status, 200, JSON.stringify(shown.body));
    assert.equal(shown.body.data.title, 'VIP only');
  });

  it('marks personalized responses with Vary so caches keep visitors apart', async () => {
    const res = await api.get('/api/promos').set('X-Segments', 'campaign-x');
    const vary = String(res.headers.vary);
    assert.match(vary, /X-Visitor-Id/);
    assert.match(vary, /X-Customer-Id/);
    assert.match(vary, /X-Segments/);
    const other = await api.get('/api/articles');
    assert.doesNotMatch(String(other.headers.vary ?? ''), /X-Segments/);
    assert.equal(other.body.meta.personalization, undefined);
  });

  it('refuses bad visitor headers and parameters with a message that says what to send', async () => {
    const badSegment = await api.get('/api/promos').set('X-Segments', 'ok-one,a!');
    assert.equal(badSegment.status, 400);
    assert.match(badSegment.body.error.message, /X-Segments holds "a!"/);
    const badFlag = await api.get('/api/promos?personalize=maybe');
    assert.equal(badFlag.status, 400);
    assert.match(badFlag.body.error.message, /personalize must be true or false/);
    const badVariant = await api.get('/api/promos').set('X-AB-Variant', 'C');
    assert.equal(badVariant.status, 400);
    assert.match(badVariant.body.error.message, /X-AB-Variant must be A or B/);
  });

  it('takes ?segments= and ?abVariant= as X-Segments and X-AB-Variant, for preview links', async () => {
    const res = await api.get(`/api/promos/${promo.everyone}?${populate}&segments=vip-members`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(headlines(res.body.data), ['Welcome back, VIP', 'Always here']);
    assert.deepEqual(res.body.meta.personalization.segments, ['vip-members']);
    const both = await api.get(`/api/promos?segments=vip-members`).set('X-Segments', 'campaign-x');
    assert.deepEqual(both.body.meta.personalization.segments, ['campaign-x', 'vip-members']);
    assert.ok(
      titles(both.body).includes('VIP only') && titles(both.body).includes('Campaign only')
    );
    const bad = await api.get('/api/promos?abVariant=C');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /\?abVariant= must be A or B/);
    // Types without an Audience field ignore them, and strict query validation never sees them.
    const other = await api.get('/api/articles?segments=vip-members&abVariant=B');
    assert.equal(other.status, 200, JSON.stringify(other.body));
  });

  it('refuses an audience that is not one when content is written', async () => {
    const res = await api.post('/api/promos', {
      data: { title: 'Bad', audience: { segment: 'vip-members', variant: 'B' } },
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(res.body.error.message, /A variant needs an A\/B test/);
    const ok = await api.post('/api/promos', {
      data: { title: 'Written by API', audience: { segment: 'vip-members' } },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    // docs/personalization.md, Response: writes answer the audience object, as reads do.
    assert.deepEqual(ok.body.data.audience, vip);
    const stored = await strapi.db
      .query(PROMO)
      .findOne({ where: { documentId: ok.body.data.documentId } });
    assert.equal(stored.audience, JSON.stringify(vip), 'stored in the canonical form');
    await strapi.documents(PROMO).delete({ documentId: ok.body.data.documentId });
  });

  it('shows every variant to editors in the Content Manager', async () => {
    const list = await admin.get(`/content-manager/collection-types/${PROMO}?pageSize=50`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.pagination.total, 4);
    const one = await admin.get(`/content-manager/collection-types/${PROMO}/${promo.everyone}`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body.data.blocks.length, 4);
    assert.equal(one.body.data.variants.length, 2);
    assert.equal(one.body.data.variants[0].audience, JSON.stringify(vip));
  });

  it('personalizes the blocks of a single type too', async () => {
    await strapi.documents('api::banner.banner').create({
      data: {
        name: 'Site banner',
        blocks: [
          { __component: 'promo.hero', headline: 'VIP banner', audience: vip },
          { __component: 'promo.hero', headline: 'Banner for all', audience: null },
        ],
        featured: [promo.vip, promo.everyone2],
      } as any,
    });
    const anonymous = await api.get('/api/banner?populate=*');
    assert.equal(anonymous.status, 200, JSON.stringify(anonymous.body));
    assert.deepEqual(headlines(anonymous.body.data), ['Banner for all']);
    const forMember = await api
      .get('/api/banner?populate=*')
      .set('X-Customer-Id', member.documentId);
    assert.deepEqual(headlines(forMember.body.data), ['VIP banner']);
    assert.match(String(forMember.headers.vary), /X-Segments/);
    const featured = (body: { data: { featured: { title: string }[] } }) =>
      body.data.featured.map((p) => p.title).sort();
    assert.deepEqual(featured(anonymous.body), ['Also for everyone'], 'related entries filtered');
    assert.deepEqual(featured(forMember.body), ['Also for everyone', 'VIP only']);
  });

  it('lets an editor view an entry as a visitor of a segment would get it', async () => {
    const url = (q: string) => `/segments/personalization/preview?uid=${PROMO}&${q}`;
    const asVip = await admin.get(url(`documentId=${promo.everyone}&segment=vip-members`));
    assert.equal(asVip.status, 200, JSON.stringify(asVip.body));
    assert.equal(asVip.body.data.visible, true);
    assert.deepEqual(headlines(asVip.body.data.entry), ['Welcome back, VIP', 'Always here']);
    assert.deepEqual(asVip.body.data.totals, { blocks: 4, variants: 2 });
    assert.deepEqual(asVip.body.data.headers, { 'X-Segments': 'vip-members' });
    const asOthers = await admin.get(url(`documentId=${promo.everyone}`));
    assert.deepEqual(headlines(asOthers.body.data.entry), ['Hello visitor', 'Always here']);
    const hidden = await admin.get(url(`documentId=${promo.vip}`));
    assert.equal(hidden.body.data.visible, false);
    const bad = await admin.get(url(`documentId=${promo.vip}&segment=x!`));
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /"x!" is not a segment ID/);
    const noContentAccess = await adminWithPermissions(strapi, ['segments.read']);
    const refused = await noContentAccess.get(url(`documentId=${promo.vip}`));
    assert.equal(refused.status, 403);
  });

  it("gives the playground's promos a Strapi preview URL, which View as opens with the audience", async () => {
    const res = await admin.get(
      `/content-manager/preview/url/${PROMO}?documentId=${promo.everyone}&status=published`
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const url = new URL(res.body.data.url);
    assert.equal(url.pathname, '/preview');
    assert.equal(url.searchParams.get('documentId'), promo.everyone);
    const none = await admin.get(
      `/content-manager/preview/url/api::article.article?documentId=${promo.everyone}`
    );
    assert.equal(none.status, 204, 'no preview URL for articles: no "Open preview as" link');
  });

  describe('A/B variants', () => {
    let test: { documentId: string };
    const hero = (variant: 'A' | 'B') => ({
      __component: 'promo.hero',
      headline: `Hero ${variant}`,
      audience: { segment: null, abTest: test.documentId, variant },
    });

    before(async () => {
      const res = await admin.post('/segments/ab-tests', {
        name: 'Hero test',
        status: 'running',
        conversionEventType: 'Conversion',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      test = res.body.data;
      promo.ab = await create({ title: 'A/B page', blocks: [hero('A'), hero('B')] });
      promo.bOnly = await create({
        title: 'B only',
        audience: { segment: null, abTest: test.documentId, variant: 'B' },
      });
    });

    it('refuses an audience naming an A/B test that does not exist', async () => {
      await assert.rejects(
        create({
          title: 'Typo',
          audience: { segment: null, abTest: 'nosuchtest000000000000000', variant: 'A' },
        }),
        /A\/B test "nosuchtest000000000000000", which does not exist/
      );
    });

    const abPage = (body: { data: { title: string; blocks: { headline: string }[] }[] }) =>
      body.data.find((p) => p.title === 'A/B page')!;

    it('gives a known customer the blocks and entries of their variant, the same every time', async () => {
      const first = await api
        .get(`/api/promos?${populate}`)
        .set('X-Customer-Id', outsider.documentId);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const variant = first.body.meta.personalization.variants[test.documentId];
      assert.ok(variant === 'A' || variant === 'B', JSON.stringify(first.body.meta));
      assert.deepEqual(headlines(abPage(first.body) as any), [`Hero ${variant}`]);
      assert.equal(titles(first.body).includes('B only'), variant === 'B');
      const again = await api
        .get(`/api/promos?${populate}`)
        .set('X-Customer-Id', outsider.documentId);
      assert.equal(again.body.meta.personalization.variants[test.documentId], variant);
    });

    it('forces a variant with X-AB-Variant for a preview', async () => {
      for (const variant of ['A', 'B'] as const) {
        const res = await api
          .get(`/api/promos?${populate}`)
          .set('X-Segments', 'vip-members')
          .set('X-AB-Variant', variant);
        assert.deepEqual(headlines(abPage(res.body) as any), [`Hero ${variant}`]);
        assert.equal(titles(res.body).includes('B only'), variant === 'B');
        assert.deepEqual(res.body.meta.personalization.variants, { [test.documentId]: variant });
      }
    });

    it('forces a variant with ?abVariant= too, the header winning when both are sent', async () => {
      const res = await api.get(`/api/promos?${populate}&abVariant=B`);
      assert.deepEqual(headlines(abPage(res.body) as any), ['Hero B']);
      const both = await api.get(`/api/promos?${populate}&abVariant=B`).set('X-AB-Variant', 'A');
      assert.deepEqual(headlines(abPage(both.body) as any), ['Hero A']);
    });

    it('gives a visitor known only by external segments no variant: they see the control', async () => {
      const res = await api.get(`/api/promos?${populate}`).set('X-Segments', 'campaign-x');
      assert.deepEqual(res.body.meta.personalization.variants, {});
      assert.deepEqual(headlines(abPage(res.body) as any), ['Hero A']);
      assert.equal(titles(res.body).includes('B only'), false);
    });
  });
});
