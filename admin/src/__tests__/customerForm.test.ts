import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Customer } from '../../../contracts/customers';
import {
  errorFor,
  toCustomerInput,
  toFormErrors,
  toFormValues,
  validateCustomerForm,
} from '../components/CustomerForm/formValues';
import { errorKey, fieldErrorsFromApi } from '../utils/apiErrors';
import { fromPickerDate, toPickerDate } from '../utils/dates';

const customer: Customer = {
  id: 1,
  documentId: 'abc',
  firstName: 'Jan',
  lastName: 'de Vries',
  fullName: 'Jan de Vries',
  emails: ['jan@example.com'],
  phones: ['310302271710'],
  gender: 'male',
  dateOfBirth: '1980-05-17',
  street: 'Keizersgracht',
  houseNumber: '1a',
  zipCode: '1015 CJ',
  city: 'Amsterdam',
  country: 'Netherlands',
  jobTitle: null,
  referenceId: 'REF1',
  tags: ['vip'],
  subscriptions: [{ subscription: 'newsletter', subscribedAt: '2024-01-02T10:00:00.000Z' }],
  terms: [{ termId: 'privacy-v2', givenAt: '2024-01-02' }],
  visitorIds: [],
  segments: [],
  source: 'manual',
  lastActivityAt: null,
  anonymizedAt: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('customer form values', () => {
  it('turns a profile into the input that would store it again', () => {
    const { input } = toCustomerInput(toFormValues(customer));
    assert.equal(input.firstName, 'Jan');
    assert.equal(input.jobTitle, null);
    assert.deepEqual(input.emails, ['jan@example.com']);
    assert.deepEqual(input.subscriptions, [
      { subscription: 'newsletter', subscribedAt: '2024-01-02' },
    ]);
    assert.deepEqual(validateCustomerForm(toFormValues(customer)).errors, {});
  });

  it('starts an empty form with one email and one phone row, and sends none of them', () => {
    const values = toFormValues();
    assert.deepEqual(values.emails, ['']);
    const { input } = toCustomerInput(values);
    assert.deepEqual(input.emails, []);
    assert.equal(input.firstName, null);
    assert.deepEqual(validateCustomerForm(values).errors, {});
  });

  it('puts a message on the row it is about, blank rows skipped', () => {
    const values = { ...toFormValues(), emails: ['', '  ', 'not-an-email'], phones: ['12'] };
    const { errors } = validateCustomerForm(values);
    assert.match(errors['emails.2'], /not a valid email/);
    assert.match(errors['phones.0'], /country code/);
    assert.equal(errorFor(errors, 'emails'), errors['emails.2']);
  });

  it('checks each field with the server rules', () => {
    const values = {
      ...toFormValues(),
      referenceId: 'a-b',
      country: 'Atlantis',
      dateOfBirth: '2999-01-01',
      terms: [{ termId: 'x', givenAt: '' }],
    };
    const { errors } = validateCustomerForm(values);
    assert.deepEqual(Object.keys(errors).sort(), [
      'country',
      'dateOfBirth',
      'referenceId',
      'terms.0.givenAt',
    ]);
  });

  it('maps server messages by their path onto the form rows', () => {
    const failure = {
      name: 'FetchError',
      status: 400,
      response: {
        data: {
          error: {
            message: 'The customer is not valid',
            details: {
              errors: [
                { path: ['emails', '0'], message: 'Email taken' },
                { path: ['emails'], message: 'Email x already belongs to another customer' },
              ],
            },
          },
        },
      },
    };
    const apiErrors = fieldErrorsFromApi(failure);
    assert.ok(apiErrors);
    const { rows } = toCustomerInput({ ...toFormValues(), emails: ['', 'a@b.nl'] });
    assert.deepEqual(toFormErrors(apiErrors, rows), {
      'emails.1': 'Email taken',
      emails: 'Email x already belongs to another customer',
    });
    assert.equal(fieldErrorsFromApi(new Error('network')), null);
  });

  it('writes yup and server paths the same way', () => {
    assert.equal(errorKey('terms[0].givenAt'), 'terms.0.givenAt');
    assert.equal(errorKey(['terms', '0', 'givenAt']), 'terms.0.givenAt');
  });
});

describe('date picker days', () => {
  it('shows the stored day and gives back the picked day', () => {
    assert.equal(toPickerDate('1980-05-17')?.toISOString(), '1980-05-17T00:00:00.000Z');
    assert.equal(fromPickerDate(new Date(1980, 4, 17)), '1980-05-17');
    assert.equal(toPickerDate(''), undefined);
  });
});
