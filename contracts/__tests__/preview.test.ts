import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewUrlAs } from '../preview';

describe('preview URL as an audience', () => {
  const url = 'https://site.example/preview?uid=api::promo.promo&documentId=abc&status=draft';

  it('appends the segment and the variant, keeping the handler parameters', () => {
    const out = new URL(previewUrlAs(url, { segment: 'vip-members', variant: 'B' }));
    assert.equal(out.origin + out.pathname, 'https://site.example/preview');
    assert.equal(out.searchParams.get('documentId'), 'abc');
    assert.equal(out.searchParams.get('uid'), 'api::promo.promo');
    assert.equal(out.searchParams.get('segments'), 'vip-members');
    assert.equal(out.searchParams.get('abVariant'), 'B');
  });

  it('sends no segment for "All other users" and replaces parameters already there', () => {
    const out = new URL(
      previewUrlAs(`${url}&segments=old&abVariant=B`, { segment: '', variant: 'A' })
    );
    assert.equal(out.searchParams.get('segments'), null);
    assert.deepEqual(out.searchParams.getAll('abVariant'), ['A']);
  });

  it('resolves a relative URL against the admin origin and keeps a fragment last', () => {
    assert.equal(
      previewUrlAs(
        '/preview?id=1#top',
        { segment: 'vip members', variant: 'A' },
        'http://cms:1337'
      ),
      'http://cms:1337/preview?id=1&segments=vip+members&abVariant=A#top'
    );
  });
});
