import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const load = (locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'translations', `${locale}.json`), 'utf8'));

/** The ICU argument names of a message: `{count, plural, ...}` and `{name}` give count, name. */
const argumentsOf = (message: string) =>
  [...message.matchAll(/\{\s*([A-Za-z]+)\s*[,}]/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const en = load('en');
  const nl = load('nl');

  it('nl.json has exactly the keys of en.json', () => {
    assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  });

  it('every Dutch message uses the same arguments as the English one', () => {
    for (const key of Object.keys(en)) {
      assert.deepEqual([...new Set(argumentsOf(nl[key]))], [...new Set(argumentsOf(en[key]))], key);
    }
  });

  it('no message is empty', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(nl)]) {
      assert.ok(value.trim().length > 0, key);
    }
  });
});
