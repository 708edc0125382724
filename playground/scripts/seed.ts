/**
 * Seeds the demo into the playground database, once: a demo super admin, a "Segments editor"
 * role and user without bulk export and bulk update, articles, and a few thousand customers
 * with events and segments. A second run finds them and changes nothing.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { ACTIONS, permission } from '../../contracts/permissions';
import { seedDemo } from '../../demo/seed';

const appDir = path.resolve(__dirname, '..');
const ADMIN_EMAIL = process.env.SEGMENTS_DEMO_ADMIN_EMAIL ?? 'admin@example.com';
const ADMIN_PASSWORD = process.env.SEGMENTS_DEMO_ADMIN_PASSWORD ?? 'SegmentsDemo1';
const EDITOR_EMAIL = 'editor@example.com';
const CUSTOMERS = Number(process.env.SEGMENTS_DEMO_CUSTOMERS ?? 3000);
const EVENTS = Number(process.env.SEGMENTS_DEMO_EVENTS ?? 30000);
const CATEGORIES = ['EV', 'Travel', 'Food', 'Tech', 'Finance'] as const;

const ensureAdmin = async (strapi: Core.Strapi) => {
  const users = strapi.service('admin::user');
  if (await users.exists()) return false;
  await users.createFirstAdmin({
    email: ADMIN_EMAIL,
    firstname: 'Demo',
    lastname: 'Admin',
    password: ADMIN_PASSWORD,
  });
  return true;
};

const ensureEditor = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  const name = 'Segments editor';
  let role = (await roles.find({ name }))[0];
  if (!role) {
    role = await roles.create({
      name,
      description: 'Manages customers and segments; no bulk export, no bulk update',
    });
    const granted = ACTIONS.filter((a) => !/bulk-(export|update)$/.test(a.uid));
    await roles.assignPermissions(
      role.id,
      granted.map((a) => ({
        action: permission(a.uid),
        subject: null,
        properties: {},
        conditions: [],
      }))
    );
  }
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: EDITOR_EMAIL } });
  if (!existing) {
    await strapi.service('admin::user').create({
      email: EDITOR_EMAIL,
      firstname: 'Demo',
      lastname: 'Editor',
      password: ADMIN_PASSWORD,
      isActive: true,
      roles: [role.id],
    });
  }
};

const ensureArticles = async (strapi: Core.Strapi) => {
  const articles = strapi.documents('api::article.article');
  let items = await articles.findMany({ fields: ['slug'], limit: 100 });
  if (items.length === 0) {
    for (let i = 1; i <= 40; i++) {
      const category = CATEGORIES[i % CATEGORIES.length];
      await articles.create({
        data: {
          title: `${category} story ${i}`,
          slug: `${category.toLowerCase()}-story-${i}`,
          category,
          body: 'Demo article.',
        },
        status: 'published',
      });
    }
    items = await articles.findMany({ fields: ['slug'], limit: 100 });
  }
  return items.map((a) => ({
    uid: 'api::article.article',
    documentId: a.documentId,
    slug: String(a.slug),
  }));
};

/** Personalized demo content: promos for the demo segments, with variant blocks. Once. */
const ensurePromos = async (strapi: Core.Strapi) => {
  const promos = strapi.documents('api::promo.promo' as any);
  if ((await promos.count({})) > 0) return;
  const audience = (segment: string | null) =>
    segment ? { segment, abTest: null, variant: null } : null;
  const hero = (headline: string, segment: string | null) => ({
    __component: 'promo.hero',
    headline,
    audience: audience(segment),
  });
  const entries = [
    {
      title: 'Home page promo',
      audience: null,
      blocks: [
        hero('The new EV range is here', 'ev-readers'),
        hero('Your Facebook offer: a free test drive', 'ev-launch'),
        hero('Spring deals for everyone', null),
        { __component: 'promo.text', body: 'Free delivery on every order this month.' },
      ],
      variants: [
        { label: 'Welcome back: 10% off', audience: audience('recent-converters') },
        { label: 'Sign up for 5% off', audience: null },
      ],
    },
    { title: 'Student discount', audience: audience('young-adults'), blocks: [], variants: [] },
    { title: 'EV charging guide', audience: audience('ev-readers'), blocks: [], variants: [] },
  ];
  for (const data of entries) await promos.create({ data } as any);
};

const main = async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const createdAdmin = await ensureAdmin(strapi);
    await ensureEditor(strapi);
    const items = await ensureArticles(strapi);
    await ensurePromos(strapi);
    const result = await seedDemo(strapi, { customers: CUSTOMERS, events: EVENTS, items });
    console.log(
      `\nDemo ${result.seeded ? 'seeded' : 'already present'}: ${result.customers} customers, ` +
        `${result.events} events, ${result.segments} segments.`
    );
    console.log(
      createdAdmin
        ? `Log in as ${ADMIN_EMAIL} / ${ADMIN_PASSWORD} (or ${EDITOR_EMAIL}, same password, without bulk rights).`
        : `Log in with the demo admin created on the first run (default ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}).`
    );
  } finally {
    await strapi.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
