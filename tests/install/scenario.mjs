// What a site developer does with a freshly installed plugin, over HTTP against the booted
// fixture app (tests/install/app): register the first admin and log in, list customers, import
// a CSV (waiting for the job), make a rule segment and wait for its members, record a tracking
// event, prove the visitor's email with a userHash, write articles with an Audience through
// REST and read them back personalized for that visitor. Throws on the first thing that differs.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';

const EMAIL = 'developer@example.com';
const PASSWORD = 'Install-Test-1';

const CSV = [
  'first_name,last_name,email,city,country',
  'Ann,Amsterdammer,ann@example.com,Amsterdam,Netherlands',
  'Bas,Amsterdammer,bas@example.com,Amsterdam,Netherlands',
  'Cor,Rotterdammer,cor@example.com,Rotterdam,Netherlands',
  'Bad,Row,not-an-email,Utrecht,Netherlands',
  '',
].join('\n');

/** Polls `read` until `done(value)` or the deadline; returns the last value. */
const poll = async (what, read, done, seconds = 120) => {
  const deadline = Date.now() + seconds * 1000;
  let value;
  while (Date.now() < deadline) {
    value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within ${seconds} s: ${JSON.stringify(value)}`);
};

/**
 * `base`: the app's URL; `identitySecret`: the app's SEGMENTS_IDENTITY_SECRET;
 * `log(msg)`: progress. Returns what it checked, for the summary line.
 */
export async function installScenario(base, { identitySecret, log = () => {} }) {
  const call = async (method, path, { token, body, headers = {}, form } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { text: text.slice(0, 500) };
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  const expect = (res, status, what) =>
    assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)}`);

  // The first admin, as the admin's registration page does it, then a login.
  const registered = await call('POST', '/admin/register-admin', {
    body: { firstname: 'Site', lastname: 'Developer', email: EMAIL, password: PASSWORD },
  });
  expect(registered, 200, 'POST /admin/register-admin');
  const login = await call('POST', '/admin/login', { body: { email: EMAIL, password: PASSWORD } });
  expect(login, 200, 'POST /admin/login');
  const admin = login.body.data.token;
  const asAdmin = (method, path, options = {}) => call(method, path, { ...options, token: admin });

  const empty = await asAdmin('GET', '/segments/customers');
  expect(empty, 200, 'GET /segments/customers');
  assert.equal(empty.body.meta.pagination.total, 0, 'a fresh app has no customers');
  log('admin registered and logged in, the customer list answers');

  // A CSV import through the worker thread, polled until the job ends.
  const form = new FormData();
  form.append('dryRun', 'false');
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'customers.csv');
  const upload = await asAdmin('POST', '/segments/imports', { form });
  expect(upload, 202, 'POST /segments/imports');
  const job = await poll(
    'the import',
    async () => (await asAdmin('GET', `/segments/imports/${upload.body.data.id}`)).body.data,
    (j) => j.status === 'completed' || j.status === 'failed'
  );
  assert.equal(job.status, 'completed', `the import ended ${job.status}: ${job.error}`);
  assert.deepEqual(
    { created: job.created, updated: job.updated, unchanged: job.unchanged, failed: job.failed },
    { created: 3, updated: 0, unchanged: 0, failed: 1 },
    'the report counts'
  );
  assert.equal(job.firstErrors[0]?.column, 'email', 'the failed row is named by its column');
  assert.equal(job.emailReport, false, 'the report says no email goes out without a provider');
  const listed = await asAdmin('GET', '/segments/customers?sort=firstName:asc');
  assert.deepEqual(
    listed.body.data.map((c) => c.emails[0]),
    ['ann@example.com', 'bas@example.com', 'cor@example.com']
  );
  log('CSV import completed: 3 created, 1 failed, listed');

  // A rule segment: everyone in Amsterdam.
  const created = await asAdmin('POST', '/segments/segments', {
    body: {
      name: 'Amsterdam',
      rules: {
        kind: 'group',
        op: 'and',
        children: [{ kind: 'field', field: 'city', operator: 'equals', value: 'Amsterdam' }],
      },
    },
  });
  expect(created, 201, 'POST /segments/segments');
  assert.equal(created.body.data.segmentId, 'amsterdam');
  const segment = await poll(
    'the segment count',
    async () =>
      (await asAdmin('GET', `/segments/segments/${created.body.data.documentId}`)).body.data,
    (s) => s.lastComputedAt && s.memberCount === 2
  );
  log(`rule segment "${segment.segmentId}" counts ${segment.memberCount} members`);

  // The site's server: an API token, as docs/developer-guide.md's Next.js code uses.
  const token = await asAdmin('POST', '/admin/api-tokens', {
    body: { name: 'site', description: 'install test', type: 'full-access', lifespan: null },
  });
  expect(token, 201, 'POST /admin/api-tokens');
  const site = (method, path, options = {}) =>
    call(method, path, { ...options, token: token.body.data.accessKey });

  // A visitor of the site: tracker.js's id, one event, then the signed-in email with its hash.
  const visitor = `v${randomBytes(16).toString('hex')}`;
  const tracked = await call('POST', '/api/segments/events', {
    headers: { 'X-Visitor-Id': visitor },
    body: { type: 'PageVisit', url: 'https://site.example/' },
  });
  expect(tracked, 202, 'POST /api/segments/events');
  assert.deepEqual(tracked.body, { data: { recorded: 1 } });
  const userHash = createHmac('sha256', identitySecret).update('ann@example.com').digest('hex');
  const identified = await call('POST', '/api/segments/identify', {
    headers: { 'X-Visitor-Id': visitor },
    body: { email: 'ann@example.com', userHash },
  });
  expect(identified, 202, 'POST /api/segments/identify');
  log('tracking event accepted, visitor identified with a userHash');

  // Articles with an Audience, written through REST: the answer shows `audience` as an object.
  const amsterdam = { segment: 'amsterdam', abTest: null, variant: null };
  const write = async (data) => {
    const res = await site('POST', '/api/articles', { body: { data } });
    expect(res, 201, `POST /api/articles (${data.title})`);
    return res.body.data;
  };
  const forAmsterdam = await write({
    title: 'For Amsterdam',
    audience: { segment: 'amsterdam' },
    blocks: [
      { headline: 'Hoi Amsterdam', audience: { segment: 'amsterdam' } },
      { headline: 'Hello everyone', audience: null },
    ],
  });
  assert.deepEqual(forAmsterdam.audience, amsterdam, 'a REST write answers the audience object');
  await write({ title: 'For Rotterdam', audience: { segment: 'rotterdam' } });
  await write({ title: 'For everyone' });

  const read = async (headers) => {
    const res = await site('GET', '/api/articles?populate=*&sort=title:asc', { headers });
    expect(res, 200, 'GET /api/articles');
    return res;
  };
  const personal = await read({ 'X-Visitor-Id': visitor });
  assert.deepEqual(
    personal.body.data.map((a) => a.title),
    ['For Amsterdam', 'For everyone'],
    "the visitor gets their segment's entry and not another segment's"
  );
  assert.deepEqual(personal.body.data[0].audience, amsterdam);
  assert.deepEqual(
    personal.body.data[0].blocks.map((b) => b.headline),
    ['Hoi Amsterdam'],
    "the component's targeted block replaces the fallback"
  );
  assert.deepEqual(personal.body.meta.personalization.segments, ['amsterdam']);
  assert.match(personal.headers.get('vary') ?? '', /X-Visitor-Id/);
  const anonymous = await read({});
  assert.deepEqual(
    anonymous.body.data.map((a) => a.title),
    ['For everyone']
  );
  log('personalized REST read: the Amsterdam visitor gets 2 of 3 articles, nobody else 1');
}
