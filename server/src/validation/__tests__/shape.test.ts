import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as yup from 'yup';
import { customerInputSchema } from '../../../../contracts/customers';
import { ruleTreeSchema } from '../../../../contracts/segment-rules-schema';
import { MAX_DEPTH, shapeIssues } from '../shape';
import { validate } from '../validate';

const nested = (depth: number) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('input of the wrong type is refused before yup casts it', () => {
  it('a text field given a list, an object or a number names the field', async () => {
    for (const firstName of [[], {}, 5]) {
      await assert.rejects(validate(customerInputSchema, { firstName }), (e: Error) => {
        assert.match(e.message, /^firstName must be text, not an? (array|object|number)$/);
        return true;
      });
    }
  });

  it('a list of emails holding a list is refused at the item', async () => {
    const issues = shapeIssues(customerInputSchema, { emails: [['a@b.nl']] });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['emails[0]']
    );
  });

  it('a rule group whose children are not a list is refused, not crashed on', async () => {
    for (const children of ['x', 123, {}, [null]]) {
      await assert.rejects(
        validate(ruleTreeSchema, { kind: 'group', op: 'and', children }),
        (e: Error) => e.name === 'ValidationError',
        `children: ${JSON.stringify(children)}`
      );
    }
  });

  it('prototype keys are refused wherever they sit', () => {
    const body = JSON.parse('{"firstName":"A","__proto__":{"x":1},"tags":[{"constructor":1}]}');
    const paths = shapeIssues(customerInputSchema, body).map((i) => i.path);
    assert.deepEqual(paths.sort(), ['__proto__', 'tags[0]'].sort());
  });

  it(`nesting deeper than ${MAX_DEPTH} levels is refused, also inside free-form values`, () => {
    assert.equal(shapeIssues(yup.mixed(), nested(MAX_DEPTH - 1)).length, 0);
    const deep = shapeIssues(yup.mixed(), nested(20000));
    assert.equal(deep.length, 1);
    assert.match(deep[0].message, /nests deeper than 32 levels/);
  });

  it('text without a limit of its own is cut at 1,000 characters; a field with one keeps it', () => {
    const schema = yup.object({ id: yup.string(), note: yup.string().max(5000) });
    assert.deepEqual(shapeIssues(schema, { id: 'x'.repeat(1000), note: 'x'.repeat(4000) }), []);
    assert.deepEqual(shapeIssues(schema, { id: 'x'.repeat(1001) }), [
      { path: 'id', message: 'id may be 1000 characters at most' },
    ]);
  });

  it('query strings may give numbers as text, but a repeated parameter is refused', () => {
    const query = yup.object({ page: yup.number(), q: yup.string() });
    assert.deepEqual(shapeIssues(query, { page: '2', q: 'a' }), []);
    assert.equal(shapeIssues(query, { page: ['2'] }).length, 1);
    assert.equal(shapeIssues(query, { q: ['a', 'b'] }).length, 1);
  });
});
