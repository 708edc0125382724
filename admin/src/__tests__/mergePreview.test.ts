import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Customer } from '../../../contracts/customers';
import { mergePreview } from '../utils/mergePreview';

const blank: Customer = {
  id: 1,
  documentId: 'main',
  firstName: null,
  lastName: null,
  fullName: null,
  emails: [],
  phones: [],
  gender: null,
  dateOfBirth: null,
  street: null,
  houseNumber: null,
  zipCode: null,
  city: null,
  country: null,
  jobTitle: null,
  referenceId: null,
  tags: [],
  subscriptions: [],
  terms: [],
  visitorIds: [],
  segments: [],
  source: 'manual',
  lastActivityAt: null,
  anonymizedAt: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('mergePreview', () => {
  const main: Customer = {
    ...blank,
    firstName: 'Jan',
    city: '  ',
    emails: ['a@x.nl'],
    tags: ['vip'],
  };
  const other: Customer = {
    ...blank,
    id: 2,
    documentId: 'other',
    firstName: 'Johan',
    lastName: 'Bakker',
    city: 'Utrecht',
    emails: ['b@x.nl', 'a@x.nl'],
    tags: ['vip', 'new'],
    terms: [{ termId: 'privacy', givenAt: '2024-01-01T00:00:00.000Z' }],
  };
  const preview = mergePreview(main, other);

  it('keeps the main value of a single-valued field, fills it only where empty', () => {
    assert.deepEqual(preview.single.firstName, { value: 'Jan', filled: false });
    assert.deepEqual(preview.single.lastName, { value: 'Bakker', filled: true });
    assert.deepEqual(preview.single.city, { value: 'Utrecht', filled: true });
    assert.deepEqual(preview.single.jobTitle, { value: null, filled: false });
  });

  it('joins multi-valued fields without duplicates', () => {
    assert.deepEqual(preview.multi.emails, { value: ['a@x.nl', 'b@x.nl'], added: ['b@x.nl'] });
    assert.deepEqual(preview.multi.tags, { value: ['vip', 'new'], added: ['new'] });
    assert.deepEqual(preview.multi.terms, { value: ['privacy'], added: ['privacy'] });
  });
});
