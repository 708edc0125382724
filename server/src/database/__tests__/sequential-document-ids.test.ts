import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newSequentialDocumentId, sequentialDocumentIds } from '../document-id';

describe('import document ids', () => {
  it('have the shape of Strapi documentIds, differ, and sort with newSequentialDocumentId', async () => {
    const before = newSequentialDocumentId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = sequentialDocumentIds();
    const ids = Array.from({ length: 10_000 }, () => next());
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]{23}$/);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => id > before));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(newSequentialDocumentId() > ids[ids.length - 1]);
  });
});
