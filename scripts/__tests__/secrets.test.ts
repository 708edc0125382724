import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations
import { ensureSecrets, parseEnvFile, SECRET_NAMES } from '../secrets.mjs';

const playgroundConfig = path.resolve(__dirname, '..', '..', 'playground', 'config');
const configFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? configFiles(file) : file.endsWith('.ts') ? [file] : [];
  });

describe("the demo's secrets", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are generated on the first run and the same on the next', () => {
    const file = path.join(dir, 'first.env');
    const first = ensureSecrets(file);
    assert.deepEqual(Object.keys(first), SECRET_NAMES);
    for (const name of SECRET_NAMES) assert.ok(first[name].length >= 40, name);
    assert.equal(first.APP_KEYS.split(',').length, 4);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'readable by its owner only');
    assert.deepEqual(ensureSecrets(file), first);
    assert.deepEqual(parseEnvFile(fs.readFileSync(file, 'utf8')), first);
  });

  it('differ from one install to the next', () => {
    const a = ensureSecrets(path.join(dir, 'a.env'));
    const b = ensureSecrets(path.join(dir, 'b.env'));
    for (const name of SECRET_NAMES) assert.notEqual(a[name], b[name], name);
  });

  it('keep what the file already holds and add only what is missing', () => {
    const file = path.join(dir, 'partial.env');
    fs.writeFileSync(file, '# mine\nDATABASE_CLIENT=postgres\nJWT_SECRET="my own secret"');
    const secrets = ensureSecrets(file);
    assert.equal(secrets.JWT_SECRET, 'my own secret');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('# mine\nDATABASE_CLIENT=postgres\nJWT_SECRET="my own secret"\n'));
    assert.equal(parseEnvFile(text).DATABASE_CLIENT, 'postgres');
    assert.equal(text.match(/^JWT_SECRET=/gm)?.length, 1);
  });

  it('have no default in playground/config, and the demo listens on this machine only', () => {
    const files = configFiles(playgroundConfig);
    assert.ok(files.some((f) => f.endsWith('admin.ts')));
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const name of SECRET_NAMES) {
        // env('NAME', default), env.array('NAME', [...]) and the like
        const withDefault = new RegExp(`env(?:\\.\\w+)?\\(\\s*['"\`]${name}['"\`]\\s*,`);
        assert.doesNotMatch(text, withDefault, `${path.basename(file)} defaults ${name}`);
      }
      assert.doesNotMatch(text, /segments-?demo|segmentsDemoKey/i, path.basename(file));
    }
    const server = fs.readFileSync(path.join(playgroundConfig, 'server.ts'), 'utf8');
    assert.match(server, /env\('HOST', '127\.0\.0\.1'\)/);
  });
});
