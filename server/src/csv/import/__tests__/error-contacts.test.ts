import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactRows, contactsOf } from '../error-contacts';

describe('whom a failed import row names', () => {
  it('finds emails in any letter case and wherever they stand in a value', () => {
    assert.deepEqual(
      contactsOf({
        email: 'JAN@Example.COM',
        first_name: 'Jan <jan.devries@work.example.org>',
        job_title: 'mail: mailto:piet@example.nl.',
      }).sort(),
      // The full stop could be part of an address the customer tables accept: both are kept.
      ['jan.devries@work.example.org', 'jan@example.com', 'piet@example.nl', 'piet@example.nl.']
    );
  });

  it('finds phone numbers as the customer tables store them, however they are typed', () => {
    assert.deepEqual(
      contactsOf({ phone_number: '+31 6 1234-5678', street: 'tel. 0049 (170) 1234567' }).sort(),
      ['31612345678', '491701234567']
    );
  });

  it('names nobody for a row without an email or a phone number', () => {
    assert.deepEqual(
      contactsOf({ email: 'not-an-email', phone_number: '12', city: 'Utrecht' }),
      []
    );
  });

  it('gives one row per contact and line, even for a line with several problems', () => {
    const raw = { email: 'a@example.com', phone_number: '310302271710' };
    assert.deepEqual(
      contactRows(7, [
        { line: 3, raw },
        { line: 3, raw },
        { line: 4, raw: { email: 'b@example.com' } },
      ]),
      [
        [7, 3, 'a@example.com'],
        [7, 3, '310302271710'],
        [7, 4, 'b@example.com'],
      ]
    );
  });
});
