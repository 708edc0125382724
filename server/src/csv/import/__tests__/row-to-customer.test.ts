import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowToCustomer } from '../row-to-customer';

const TODAY = new Date('2026-06-01T00:00:00Z');

describe('an import row', () => {
  it('is normalised to stored values', () => {
    const result = rowToCustomer(
      {
        customer_id: ' k3x9q2m7v8w1z4y6t5r0p2n8 ',
        first_name: ' Jan ',
        email: 'Jan@Example.COM',
        phone_number: '+31 030-2271710',
        gender: 'male',
        date_of_birth: '23-04-1985',
        country: 'the netherlands',
        reference_id: 'CRM1',
        tags: 'vip, newsletter,vip',
        terms: '2024-01-15:privacy, 15-01-2024:newsletter',
      },
      TODAY
    );
    assert.ok('record' in result);
    assert.deepEqual(result.record, {
      customerId: 'k3x9q2m7v8w1z4y6t5r0p2n8',
      email: 'jan@example.com',
      phone: '310302271710',
      scalars: {
        firstName: 'Jan',
        gender: 'male',
        dateOfBirth: '1985-04-23',
        country: 'Netherlands',
        referenceId: 'CRM1',
      },
      tags: ['vip', 'newsletter'],
      terms: [
        { termId: 'privacy', givenAt: '2024-01-15' },
        { termId: 'newsletter', givenAt: '2024-01-15' },
      ],
    });
  });

  it('fails whole with every problem named by column', () => {
    const result = rowToCustomer(
      {
        email: 'nope',
        phone_number: 'call me',
        gender: 'X',
        date_of_birth: '2030-01-01',
        country: 'Narnia',
        reference_id: 'CRM-1',
        terms: 'yesterday:privacy',
        first_name: 'Fine',
      },
      TODAY
    );
    assert.ok('problems' in result);
    assert.deepEqual(
      result.problems.map((p) => p.column),
      ['email', 'phone_number', 'gender', 'date_of_birth', 'country', 'reference_id', 'terms']
    );
    assert.match(result.problems[3].reason, /past date/);
  });

  it('refuses an impossible calendar date', () => {
    const result = rowToCustomer({ date_of_birth: '31-02-1990' }, TODAY);
    assert.ok('problems' in result && result.problems[0].column === 'date_of_birth');
  });

  it('accepts a row without an email', () => {
    const result = rowToCustomer({ first_name: 'Anon' }, TODAY);
    assert.ok('record' in result && result.record.email === null);
  });

  it('refuses a customer_id that is not an id an export writes', () => {
    const result = rowToCustomer({ customer_id: 'jan@example.com', first_name: 'Jan' }, TODAY);
    assert.ok('problems' in result);
    assert.equal(result.problems[0].column, 'customer_id');
  });
});
