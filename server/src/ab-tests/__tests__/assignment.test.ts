import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../../demo/random';
import { variantFor } from '../assignment';

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const LETTERS = ALPHABET.slice(0, 26);

/** documentIds in Strapi's shape from a seeded generator, so every run checks the same ids. */
const documentIds = (n: number, seed = 8) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: 24 }, (_, i) => random.pick(i === 0 ? LETTERS : ALPHABET)).join('')
  );
};

const ids = documentIds(10_000);

const shareOfA = (testId: string, split: number) =>
  (ids.filter((id) => variantFor(testId, id, split) === 'A').length / ids.length) * 100;

describe('A/B variant assignment', () => {
  it('gives a visitor the same variant every time', () => {
    for (const visitor of ids.slice(0, 200)) {
      const first = variantFor('test-1', visitor, 50);
      for (let j = 0; j < 5; j++) assert.equal(variantFor('test-1', visitor, 50), first);
    }
  });

  it('splits 10,000 visitors within 2 points of 50/50', () => {
    const share = shareOfA('k3x9test50', 50);
    assert.ok(Math.abs(share - 50) <= 2, `A got ${share}%`);
  });

  it('splits 10,000 visitors within 2 points of 20/80', () => {
    const share = shareOfA('k3x9test20', 20);
    assert.ok(Math.abs(share - 20) <= 2, `A got ${share}%`);
  });

  it('keeps the split for sequential ids that differ only at the end', () => {
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (variantFor('t', `customer-${i}`, 30) === 'A') a += 1;
    assert.ok(Math.abs(a / 100 - 30) <= 2, `A got ${a / 100}%`);
  });

  it('assigns a visitor independently in different tests', () => {
    let same = 0;
    for (const visitor of ids) {
      if (variantFor('first', visitor, 50) === variantFor('second', visitor, 50)) same += 1;
    }
    assert.ok(
      Math.abs((same / ids.length) * 100 - 50) <= 2,
      `same variant in ${(same / ids.length) * 100}%`
    );
  });

  it('gives everyone A at a split of 100 and B at 0', () => {
    assert.equal(variantFor('t', 'v', 100), 'A');
    assert.equal(variantFor('t', 'v', 0), 'B');
  });
});
