import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts tests/helpers/worker.ts in a new process on this test's database. */
export const spawnWorker = (
  env: Record<string, string> = {}
): ChildProcess & { done: Promise<number> } => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'worker.ts')], {
    env: { ...process.env, SEGMENTS_IMPORT_WORKER: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<number>((resolve) =>
    child.on('exit', (code) => {
      if (code && code !== 0) console.error(stderr);
      resolve(code ?? -1);
    })
  );
  return Object.assign(child, { done });
};
