import fs from 'fs';
import path from 'path';

/**
 * A worker thread's file beside the server bundle (`dist/server/<name>`), or undefined where it
 * isn't: running from the sources, the caller then works in its own thread.
 */
export const workerFile = (name: string) => {
  const file = typeof __dirname === 'string' ? path.join(__dirname, name) : undefined;
  return file && fs.existsSync(file) ? file : undefined;
};

/**
 * A package's path for a worker to require: the app's (Strapi runs in the app's directory, so it
 * is the one Strapi uses), else the one this bundle resolves. Undefined when neither is found.
 */
export const appModulePath = (name: string) => {
  for (const paths of [[process.cwd()], undefined]) {
    try {
      return require.resolve(name, paths ? { paths } : undefined);
    } catch {
      // next
    }
  }
  return undefined;
};
