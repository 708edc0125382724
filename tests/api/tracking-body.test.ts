import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let origin: string;

const KB = 1024;
/** A visitor id as the snippet makes them (sent as ?vid=, as sendBeacon does). */
const newVisitor = () => `v${randomBytes(16).toString('hex')}`;
const eventsPath = () => `/api/segments/events?vid=${newVisitor()}`;

/** A valid batch of 100 events whose JSON is `bytes` long (metadata up to 4 KB an event). */
const batchOf = (bytes: number) => {
  const event = (pad: number) => ({ type: 'PageVisit', metadata: { pad: 'x'.repeat(pad) } });
  const empty = JSON.stringify({ events: Array.from({ length: 100 }, () => event(0)) }).length;
  const per = Math.floor((bytes - empty) / 100);
  const rest = bytes - empty - per * 100;
  const json = JSON.stringify({
    events: Array.from({ length: 100 }, (_, i) => event(per + (i < rest ? 1 : 0))),
  });
  assert.equal(json.length, bytes);
  return json;
};

/** POSTs a body in 16 KB chunks without a Content-Length: Transfer-Encoding: chunked. */
const postChunked = (path: string, body: Buffer, headers: Record<string, string>) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 16 * KB) req.write(body.subarray(i, i + 16 * KB));
    req.end();
  });

describe('tracking request bodies: the 256 KB limit holds whatever the framing', () => {
  before(async () => {
    strapi = await bootStrapi();
    const server = strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => stopStrapi(strapi));

  it('refuses a 300 KB chunked JSON body with 413, recording nothing', async () => {
    const res = await postChunked(eventsPath(), Buffer.from(batchOf(300 * KB)), {
      'Content-Type': 'application/json',
    });
    assert.equal(res.status, 413, JSON.stringify(res.body));
    assert.equal(res.body.data, null);
    assert.match(res.body.error.message, /256 KB at most/);
  });

  it('refuses a 300 KB body that declares its Content-Length with 413 too', async () => {
    const res = await request(strapi.server.httpServer)
      .post(eventsPath())
      .set('Content-Type', 'text/plain')
      .send(batchOf(300 * KB));
    assert.equal(res.status, 413, res.text);
  });

  it('accepts a 200 KB batch as application/json and as text/plain (the snippet) alike', async () => {
    for (const type of ['application/json', 'text/plain;charset=UTF-8']) {
      const res = await request(strapi.server.httpServer)
        .post(eventsPath())
        .set('Content-Type', type)
        .send(batchOf(200 * KB));
      assert.equal(res.status, 202, `${type}: ${res.text.slice(0, 300)}`);
      assert.equal(res.body.data.recorded, 100);
    }
  });

  it('accepts a 200 KB chunked text/plain batch', async () => {
    const res = await postChunked(eventsPath(), Buffer.from(batchOf(200 * KB)), {
      'Content-Type': 'text/plain',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 300));
    assert.equal(res.body.data.recorded, 100);
  });

  it('counts what a gzip body unpacks to: 200 KB is accepted, 380 KB refused', async () => {
    const gzip = (json: string) =>
      postChunked(eventsPath(), gzipSync(json), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
    const small = await gzip(batchOf(200 * KB));
    assert.equal(small.status, 202, JSON.stringify(small.body).slice(0, 300));
    assert.equal(small.body.data.recorded, 100);
    const big = await gzip(batchOf(380 * KB));
    assert.equal(big.status, 413, JSON.stringify(big.body).slice(0, 300));
  });

  it('answers 400, not an error of the server, to a body that is not JSON or nests too deep', async () => {
    const post = (body: string, type = 'text/plain') =>
      request(strapi.server.httpServer).post(eventsPath()).set('Content-Type', type).send(body);
    const notJson = await post('{"events": [');
    assert.equal(notJson.status, 400, notJson.text);
    assert.match(notJson.body.error.message, /not JSON/);
    const deep = await post(
      `{"type":"PageVisit","metadata":${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}}`,
      'application/json'
    );
    assert.equal(deep.status, 400, deep.text.slice(0, 300));
  });

  it('still answers afterwards, on the tracking routes and elsewhere', async () => {
    const res = await request(strapi.server.httpServer)
      .post(eventsPath())
      .send({ type: 'PageVisit' });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.data.recorded, 1);
    const beacon = await postChunked(eventsPath(), Buffer.from('{"type":"PageVisit"}'), {
      'Content-Type': 'text/plain',
    });
    assert.equal(beacon.status, 202, JSON.stringify(beacon.body));
    const health = await request(strapi.server.httpServer).get('/_health');
    assert.equal(health.status, 204);
  });
});
