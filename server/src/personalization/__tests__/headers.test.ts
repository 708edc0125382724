import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readVisitorInput, takeVisitorParams } from '../headers';

describe('visitor headers and preview parameters', () => {
  it('reads ?segments= and ?abVariant= as X-Segments and X-AB-Variant', async () => {
    assert.deepEqual(
      await readVisitorInput({}, { segments: 'vip-members, campaign-x', abVariant: 'b' }),
      {
        visitorId: null,
        customerId: null,
        segments: ['vip-members', 'campaign-x'],
        forceVariant: 'B',
      }
    );
    // Repeated parameters count as one comma-separated list.
    const repeated = await readVisitorInput({}, { segments: ['vip-members', 'campaign-x'] });
    assert.deepEqual(repeated.segments, ['vip-members', 'campaign-x']);
  });

  it('combines the segments of both and lets the header choose the variant', async () => {
    const input = await readVisitorInput(
      { 'x-segments': 'vip-members', 'x-ab-variant': 'A', 'x-customer-id': 'c1' },
      { segments: 'campaign-x,vip-members', abVariant: 'B' },
      true
    );
    assert.deepEqual(input, {
      visitorId: null,
      customerId: 'c1',
      segments: ['vip-members', 'campaign-x'],
      forceVariant: 'A',
    });
  });

  it('takes a visitor id from anyone, and X-Customer-Id only from a trusted caller', async () => {
    const visitor = 'v0123456789abcdef0123456789abcdef';
    assert.equal((await readVisitorInput({ 'x-visitor-id': visitor })).visitorId, visitor);
    await assert.rejects(
      readVisitorInput({ 'x-customer-id': 'CRM42' }),
      /X-Customer-Id .* only with an API token .* browsers send X-Visitor-Id/
    );
    await assert.rejects(readVisitorInput({ 'x-visitor-id': 'CRM42' }), /22 to 100/);
    await assert.rejects(
      readVisitorInput({ 'x-visitor-id': visitor, 'x-customer-id': 'CRM42' }, {}, true),
      /not both/
    );
  });

  it('refuses bad parameters, naming the parameter', async () => {
    await assert.rejects(readVisitorInput({}, { segments: 'a!' }), /\?segments= holds "a!"/);
    await assert.rejects(readVisitorInput({}, { abVariant: 'C' }), /\?abVariant= must be A or B/);
    await assert.rejects(
      readVisitorInput({}, { segments: { $ne: 'x' } }),
      /\?segments= must be plain text/
    );
    const many = Array.from({ length: 30 }, (_, i) => `seg-${i}`);
    await assert.rejects(
      readVisitorInput({ 'x-segments': many.join(',') }, { segments: many.map((s) => `${s}x`) }),
      /more than 50 segments/
    );
  });

  it('quotes at most 40 characters of a refused header, and never interpolates it', async () => {
    const long = `bad!${'x'.repeat(900)}`;
    await assert.rejects(readVisitorInput({ 'x-segments': long }, {}), (e: Error) => {
      assert.ok(e.message.length < 200, e.message);
      assert.match(e.message, /X-Segments holds "bad!x{36}…"/);
      return true;
    });
    await assert.rejects(
      readVisitorInput({ 'x-segments': '${path}!' }, {}),
      /X-Segments holds "\$\{path\}!"/
    );
  });

  it('takes only the preview parameters off a query', () => {
    const query: Record<string, unknown> = { segments: 'vip', abVariant: 'B', populate: '*' };
    assert.deepEqual(takeVisitorParams(query), { segments: 'vip', abVariant: 'B' });
    assert.deepEqual(query, { populate: '*' });
  });
});
