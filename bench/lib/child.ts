import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './environment';
import { JOB_VARIABLE, type WorkerJob, type WorkerResult } from './protocol';

const WORKER = path.join(ROOT, 'bench', 'worker.ts');

/** Strapi's info lines (migrations, start, stop) drown the progress lines: keep warnings and up. */
const QUIET = /^\[[^\]]+\] (info|http|verbose|debug):/;

/**
 * Runs one engine run in a fresh Node process (its output, less Strapi's info lines, goes here) and returns
 * its results; throws when the worker dies without writing them.
 */
export const runWorker = async (
  job: Omit<WorkerJob, 'resultFile'>,
  env: Record<string, string>
): Promise<WorkerResult> => {
  const resultFile = path.join(
    os.tmpdir(),
    `segments-bench-${process.pid}-${job.engine}-${job.run}.json`
  );
  fs.rmSync(resultFile, { force: true });
  // BENCH_CPU_PROF=<dir>: each worker writes a V8 CPU profile there (NODE_OPTIONS may not).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', WORKER], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, [JOB_VARIABLE]: JSON.stringify({ ...job, resultFile }) },
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!QUIET.test(stripVTControlCharacters(line))) console.log(line);
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  if (!fs.existsSync(resultFile)) {
    throw new Error(`the worker exited with ${signal ?? `code ${code}`} before reporting`);
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as WorkerResult;
  fs.rmSync(resultFile, { force: true });
  return result;
};
