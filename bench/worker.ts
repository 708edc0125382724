// One engine run of `npm run bench`, in a process of its own so that its memory is its own:
// boots Strapi on an empty database when a scenario needs it, runs the scenarios in order and
// writes their results as JSON. Started by bench/run.ts; not meant to be run by hand.
import fs from 'node:fs';
import { createContext } from './lib/context';
import { JOB_VARIABLE, type ScenarioResult, type WorkerJob } from './lib/protocol';
import { measurePeakRss } from './lib/rss';
import { SCENARIOS } from './scenarios';
import { isLatency, isThroughput, type Measurement } from './scenarios/types';

const job = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as WorkerJob | null;
if (!job) throw new Error(`bench/worker.ts runs under bench/run.ts (${JOB_VARIABLE} is not set)`);

const describe = (m: Measurement) => {
  const extra = m.extra ? `; ${m.extra}` : '';
  if (isThroughput(m)) {
    const rate = Math.round(m.rows / m.seconds).toLocaleString('en-US');
    return `${rate} rows/s (${m.rows} rows in ${m.seconds.toFixed(2)} s${extra})`;
  }
  if (isLatency(m)) return `p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms${extra}`;
  return `${m.seconds.toFixed(2)} s${extra}`;
};

const seconds = () => `${(performance.now() / 1000).toFixed(1)} s`;

const main = async (run: WorkerJob) => {
  const { ctx, prepare, close } = createContext(run);
  const results: ScenarioResult[] = [];
  const tag = `[${run.engine} ${run.run}/${run.runs}]`;
  try {
    for (const scenario of SCENARIOS.filter((s) => run.scenarios.includes(s.name))) {
      let stop = () => NaN;
      try {
        const preparing = performance.now();
        await prepare(scenario.needs);
        const prepared = (performance.now() - preparing) / 1000;
        if (prepared > 0.5)
          console.error(`${tag} ready for ${scenario.name} in ${prepared.toFixed(1)} s`);
        stop = measurePeakRss();
        const measurement = await scenario.run(ctx);
        const workerPeak = stop();
        const peakRssMb = 'peakRssMb' in measurement ? measurement.peakRssMb : undefined;
        results.push({ name: scenario.name, measurement, peakRssMb: peakRssMb ?? workerPeak });
        console.error(`${tag} ${scenario.name}: ${describe(measurement)} [${seconds()}]`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ name: scenario.name, error: message, peakRssMb: stop() });
        console.error(`${tag} ${scenario.name} failed: ${message}`);
      }
    }
  } finally {
    fs.writeFileSync(run.resultFile, JSON.stringify({ results }));
    await close();
  }
};

main(job).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
