// Builds the plugin when its server bundle is missing or older than the sources: Strapi skips a
// plugin without dist/server/index.js silently, which would make every test fail obscurely.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'server', 'index.js');

const newest = (dir) => {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '__tests__')
      continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
};

const sources = ['server', 'admin', 'contracts', 'content-types'].map((d) =>
  newest(path.join(root, d))
);
const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < Math.max(...sources);
if (stale || process.argv.includes('--force')) {
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
if (!fs.existsSync(bundle)) {
  console.error(`The plugin is not built: ${bundle} is missing after 'npm run build'.`);
  process.exit(1);
}
