import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedCaller, readTrackingCaller } from '../caller';

const visitor = 'v0123456789abcdef0123456789abcdef';
const ctxOf = (
  headers: Record<string, string>,
  query: Record<string, unknown> = {},
  auth?: object
) => ({
  get: (name: string) => headers[name.toLowerCase()] ?? '',
  query,
  state: { auth: auth as never },
});
const apiToken = { strategy: { name: 'content-api-token' }, credentials: { id: 1 } };

describe('who a tracking request names', () => {
  it('trusts API tokens, not the public role nor an end-user login', () => {
    assert.equal(isTrustedCaller({ auth: apiToken }), true);
    assert.equal(
      isTrustedCaller({ auth: { strategy: { name: 'users-permissions' }, credentials: null } }),
      false
    );
    assert.equal(
      isTrustedCaller({
        auth: { strategy: { name: 'users-permissions' }, credentials: { id: 3 } },
      }),
      false
    );
    assert.equal(isTrustedCaller({}), false);
  });

  it('takes the visitor id from X-Visitor-Id or ?vid=', () => {
    assert.deepEqual(readTrackingCaller(ctxOf({ 'x-visitor-id': visitor })), {
      visitorId: visitor,
    });
    assert.deepEqual(readTrackingCaller(ctxOf({}, { vid: visitor })), { visitorId: visitor });
  });

  it('refuses a guessable visitor id and X-Customer-Id without a token, saying what to send', () => {
    assert.throws(() => readTrackingCaller(ctxOf({ 'x-visitor-id': 'CRM42' })), /22 to 100/);
    assert.throws(() => readTrackingCaller(ctxOf({}, { vid: ['a', 'b'] })), /X-Visitor-Id/);
    assert.throws(
      () => readTrackingCaller(ctxOf({ 'x-customer-id': 'CRM42' })),
      /only with an API token .* browsers send X-Visitor-Id/
    );
    assert.deepEqual(readTrackingCaller(ctxOf({ 'x-customer-id': 'CRM42' }, {}, apiToken)), {
      customerRef: 'CRM42',
    });
  });
});
