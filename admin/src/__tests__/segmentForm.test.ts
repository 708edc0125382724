import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Segment } from '../../../contracts/segments';
import {
  attributeValue,
  collectionTypes,
  entryTitle,
  scalarAttributes,
  type ContentManagerType,
} from '../utils/contentTypes';
import {
  checkNewSegment,
  checkSegmentUpdate,
  toSegmentFormValues,
  withName,
  withSegmentId,
} from '../utils/segmentForm';

describe('segment form', () => {
  it('proposes the ID from the name until the ID is edited', () => {
    let values = withName(toSegmentFormValues(), 'Viewed pricing page!');
    assert.equal(values.segmentId, 'viewed-pricing-page');
    values = withSegmentId(values, 'pricing');
    values = withName(values, 'Viewed the pricing page');
    assert.equal(values.segmentId, 'pricing');
    values = withSegmentId(values, '');
    assert.equal(values.idEdited, false);
    assert.equal(values.segmentId, 'viewed-the-pricing-page');
  });

  it('keeps the ID of a stored segment when its name changes', () => {
    const segment: Segment = {
      documentId: 'd1',
      name: 'VIP',
      segmentId: 'vip',
      description: null,
      kind: 'external',
      rules: null,
      memberCount: 3,
      lastComputedAt: null,
      createdAt: '',
      updatedAt: '',
    };
    const values = withName(toSegmentFormValues(segment), 'VIP customers');
    assert.equal(values.segmentId, 'vip');
    const { input, errors } = checkSegmentUpdate(values);
    assert.deepEqual(errors, {});
    assert.equal('rules' in input, false);
  });

  it('gives the reference rule for a bad segment ID and checks the rules', () => {
    const values = withSegmentId(withName(toSegmentFormValues(), 'Ok'), 'a!');
    const { errors, ruleErrors } = checkNewSegment(values);
    assert.match(errors.segmentId, /may only hold A-Z, a-z, 0-9, hyphens, underscores and spaces/);
    assert.match(ruleErrors['0'][0], /needs a value/);
    const external = checkNewSegment({ ...values, kind: 'external', segmentId: 'crm seg_1' });
    assert.deepEqual(external.errors, {});
    assert.deepEqual(external.ruleErrors, {});
    assert.equal(external.input.rules, null);
  });

  it('asks for a name', () => {
    assert.match(checkNewSegment(toSegmentFormValues()).errors.name, /needs a name/);
  });
});

describe('content manager types', () => {
  const types: ContentManagerType[] = [
    {
      uid: 'api::article.article',
      kind: 'collectionType',
      isDisplayed: true,
      info: { displayName: 'Article' },
      attributes: {
        title: { type: 'string' },
        category: { type: 'enumeration', enum: ['EV', 'Food'] },
        cover: { type: 'media' },
        author: { type: 'relation' },
        views: { type: 'integer' },
      },
    },
    {
      uid: 'api::home.home',
      kind: 'singleType',
      isDisplayed: true,
      info: { displayName: 'Home' },
      attributes: {},
    },
    {
      uid: 'plugin::segments.customer',
      kind: 'collectionType',
      isDisplayed: false,
      info: { displayName: 'Customer' },
      attributes: {},
    },
  ];

  it('offers displayed collection types and their plain fields', () => {
    const [article, ...rest] = collectionTypes(types);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      scalarAttributes(article.attributes).map((a) => a.name),
      ['title', 'category', 'views']
    );
  });

  it('reads field values and entry titles', () => {
    assert.equal(attributeValue('integer', '12'), 12);
    assert.equal(attributeValue('integer', 'x'), 'x');
    assert.equal(attributeValue('boolean', 'true'), true);
    assert.equal(attributeValue('enumeration', 'EV'), 'EV');
    assert.equal(entryTitle({ documentId: 'a1', title: 'Hello' }, 'title'), 'Hello');
    assert.equal(entryTitle({ documentId: 'a1', title: null }, 'title'), 'a1');
  });
});
