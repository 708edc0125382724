import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trackingBodySchema } from '../../../../contracts/tracking';
import { validateSync } from '../../validation/validate';
import { createEventsValidator } from '../events-validator';

const validate = createEventsValidator(['Signup']);
const whole = (body: unknown) => {
  const parsed = validateSync(trackingBodySchema(['Signup']), body, 'The events are not valid');
  return 'events' in parsed ? parsed.events : [parsed];
};
const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

const view = {
  type: 'View',
  item: { uid: 'api::article.article', documentId: ' abc ' },
  url: 'https://shop.example.com/a',
};
const visit = { type: 'PageVisit', url: 'https://shop.example.com/', utmSource: ' mail ' };

describe('the tracking body check', () => {
  it('gives the same events as the whole schema, trimmed, for batches and single events', () => {
    const batch = { events: [view, visit, { type: 'Signup' }, view] };
    assert.deepEqual(validate(batch), whole(batch));
    assert.equal(validate(batch)[1].utmSource, 'mail');
    assert.equal(validate(batch)[0].item?.documentId, 'abc');
    assert.deepEqual(validate(visit), whole(visit));
  });

  for (const [name, body] of [
    ['an event without a type', { events: [view, { url: 'https://x.example.com/' }] }],
    ['an unknown type', { events: [{ type: 'Teleport' }] }],
    ['an unknown field', { events: [{ ...visit, colour: 'red' }] }],
    ['a bad item uid', { events: [{ type: 'View', item: { uid: 'article', documentId: 'a' } }] }],
    ['a date in the future', { events: [{ type: 'View', occurredAt: '2999-01-01T00:00:00Z' }] }],
    ['an empty batch', { events: [] }],
    ['a batch over 100', { events: Array.from({ length: 101 }, () => visit) }],
    ['a batch with another key', { events: [visit], more: 1 }],
    ['an event that is not an object', { events: ['View'] }],
  ] as [string, unknown][]) {
    it(`refuses ${name} with the whole schema's message`, () => {
      const expected = messageOf(() => whole(body));
      assert.notEqual(expected, 'no error');
      assert.equal(
        messageOf(() => validate(body)),
        expected
      );
    });
  }
});
