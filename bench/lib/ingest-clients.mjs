// The tracking-ingest scenario's clients, in a worker thread of their own: in the Strapi
// worker's thread they would take turns with the server they measure (fetch costs about as
// much CPU as the request it sends), which no real deployment does. Plain JavaScript, so the
// thread needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const { url, known, items, clients, batch, seconds, anonymousShare, urlPrefix, engine } =
  workerData;

/** A small deterministic generator, so every run sends the same kind of traffic. */
const random = (seed) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};

const visitors = new Set();
const latencies = [];
let events = 0;
let anonymous = 0;

const send = async (next, client, n) => {
  const visitor =
    next() < anonymousShare
      ? `bench-anon-${engine}-${client}-${n}-${anonymous++}-`.padEnd(24, 'x')
      : known[Math.floor(next() * known.length)];
  const body = Array.from({ length: batch }, (_, i) => {
    if (i % 2 === 0) {
      return {
        type: 'PageVisit',
        url: `${urlPrefix}page-${Math.floor(next() * 500)}`,
        referrer: 'https://www.example.org/',
        utmSource: 'newsletter',
        utmMedium: 'email',
        utmCampaign: `bench-${client}`,
      };
    }
    const item = items[Math.floor(next() * items.length)];
    return {
      type: 'View',
      item: { uid: item.uid, documentId: item.documentId },
      url: `https://shop.example.com/articles/${item.slug}`,
    };
  });
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Visitor-Id': visitor },
    body: JSON.stringify({ events: body }),
  });
  const answer = await res.json();
  if (res.status !== 202 || !answer.data) {
    throw new Error(`POST /api/segments/events: ${res.status} ${JSON.stringify(answer)}`);
  }
  latencies.push(performance.now() - started);
  visitors.add(visitor);
  return answer.data.recorded;
};

const warm = random(7);
for (let n = 0; n < 20; n++) await send(warm, 99, n);
latencies.length = 0;

const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async (_, client) => {
    const next = random(client + 1);
    for (let n = 0; performance.now() < until; n++) {
      // Not `events += await ...`: that reads `events` before the await and loses the others' counts.
      const recorded = await send(next, client, n);
      events += recorded;
    }
  })
);
parentPort.postMessage({
  events,
  seconds: (performance.now() - started) / 1000,
  latencies,
  visitors: [...visitors],
  anonymous,
});
