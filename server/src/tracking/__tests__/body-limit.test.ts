import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { parseTrackingJson, readBody } from '../body-limit';

/** A request body arriving in chunks, with the given headers. */
const requestOf = (chunks: Buffer[], headers: Record<string, string> = {}) =>
  Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;

describe('reading a tracking body', () => {
  it('reads a body up to the limit, and refuses one byte more however it is cut', async () => {
    const chunk = Buffer.alloc(100, 'x');
    assert.equal((await readBody(requestOf([chunk, chunk]), 200)).length, 200);
    await assert.rejects(readBody(requestOf([chunk, chunk, Buffer.from('x')]), 200), {
      name: 'PayloadTooLargeError',
    });
  });

  it('refuses a declared Content-Length past the limit without reading', async () => {
    await assert.rejects(readBody(requestOf([], { 'content-length': '201' }), 200), {
      name: 'PayloadTooLargeError',
    });
  });

  it('counts the unpacked bytes of a compressed body', async () => {
    const packed = gzipSync(Buffer.alloc(10_000, 'x'));
    assert.ok(packed.length < 200);
    const headers = { 'content-encoding': 'gzip' };
    assert.equal((await readBody(requestOf([packed], headers), 10_000)).length, 10_000);
    await assert.rejects(readBody(requestOf([packed], headers), 9_999), {
      name: 'PayloadTooLargeError',
    });
    await assert.rejects(readBody(requestOf([packed], { 'content-encoding': 'zstd' }), 9_999), {
      name: 'ValidationError',
    });
  });

  it('parses JSON, an empty body as {}, and refuses nesting past 32 levels', () => {
    const parse = (text: string) => parseTrackingJson(Buffer.from(text));
    assert.deepEqual(parse(''), {});
    assert.deepEqual(parse('\uFEFF{"type":"View"}'), { type: 'View' });
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    assert.doesNotThrow(() => parse(nested(32)));
    assert.throws(() => parse(nested(33)), /32 levels/);
    // Brackets inside strings, escaped quotes included, are not nesting.
    assert.deepEqual(parse(`{"a":"\\"${'['.repeat(100)}"}`), { a: `"${'['.repeat(100)}` });
    assert.throws(() => parse('{"a":'), /not JSON/);
  });
});
