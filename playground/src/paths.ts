import path from 'path';

/**
 * The admin build reads config/ as TypeScript while the server reads the compiled copy under
 * dist/config, one level deeper: find the app root from either, so the plugin path is absolute.
 */
export const appRoot =
  path.basename(path.resolve(__dirname, '..')) === 'dist'
    ? path.resolve(__dirname, '..', '..')
    : path.resolve(__dirname, '..');

/** The plugin's source checkout: the repository root, one level above the playground. */
export const pluginRoot = path.resolve(appRoot, '..');
