import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newDocumentId, newSequentialDocumentId } from '../document-id';

const STRAPI_SHAPE = /^[a-z][a-z0-9]{23}$/;

describe('document ids', () => {
  it('have the shape of Strapi documentIds', () => {
    for (let i = 0; i < 1000; i++) {
      assert.match(newDocumentId(), STRAPI_SHAPE);
      assert.match(newSequentialDocumentId(), STRAPI_SHAPE);
    }
  });

  it('of events sort by the millisecond they were made in, and differ within one', async () => {
    const first = newSequentialDocumentId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const batch = Array.from({ length: 1000 }, () => newSequentialDocumentId());
    assert.ok(batch.every((id) => id > first));
    assert.equal(new Set(batch).size, batch.length);
  });
});
