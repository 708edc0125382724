import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { assertUserHash, userHashOf } from '../user-hash';

const secret = 'a-site-secret-of-some-length';
const required = { secret, mode: 'required' as const };

describe('identity verification (userHash)', () => {
  it('is the hex HMAC-SHA256 of the lower-cased, trimmed email, as the docs tell a site to compute it', () => {
    const documented = createHmac('sha256', secret).update('jan@example.com').digest('hex');
    assert.equal(userHashOf(secret, '  Jan@Example.com '), documented);
  });

  it('accepts the right hash in any letter case and refuses a wrong, missing or unverifiable one', () => {
    const hash = userHashOf(secret, 'jan@example.com');
    assert.doesNotThrow(() => assertUserHash(required, 'JAN@example.com', hash.toUpperCase()));
    assert.throws(
      () =>
        assertUserHash(
          required,
          'jan@example.com',
          userHashOf('other-secret-xxxxxx', 'jan@example.com')
        ),
      /userHash does not match/
    );
    assert.throws(() => assertUserHash(required, 'jan@example.com', 'abc'), /does not match/);
    assert.throws(() => assertUserHash(required, 'jan@example.com', undefined), /needs a userHash/);
    assert.throws(
      () => assertUserHash({ secret: null, mode: 'required' }, 'jan@example.com', hash),
      /set identityVerification.secret/
    );
    assert.doesNotThrow(() =>
      assertUserHash({ secret: null, mode: 'off' }, 'jan@example.com', undefined)
    );
  });
});
