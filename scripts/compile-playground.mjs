// Compiles the playground's TypeScript into playground/dist once, before tests, the seed or a
// benchmark boot it in-process (compileStrapi exits the process on a type error, so the
// typecheck step runs first in CI). Strapi's ESM build does not load on Node 20: require it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { compileStrapi } = require('@strapi/strapi');
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'playground');
await compileStrapi({ appDir });
