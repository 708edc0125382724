import {
  isLatency,
  isThroughput,
  type Duration,
  type Engine,
  type Latency,
  type Scenario,
  type Throughput,
} from '../scenarios/types';
import type { ScenarioResult } from './protocol';
import { median } from './stats';
import { targetCell } from './targets';

/** One line of an engine's table: the median over the runs and how it was reached. */
export interface SummaryRow {
  name: string;
  /** The median figure, or undefined when a run failed. */
  median?: number;
  unit: string;
  detail: string;
  /** Highest peak RSS of the scenario over the runs, in MB. */
  peakRssMb?: number;
  /** The scenario's target on this engine and, at the target size, whether it was met. */
  target?: string;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);
const max = (values: (number | null | undefined)[]) => {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return numbers.length > 0 ? Math.max(...numbers) : undefined;
};

const throughputRow = (runs: Throughput[]) => {
  const rates = runs.map((r) => r.rows / r.seconds);
  const extra = runs[0].extra ? `, ${runs[0].extra}` : '';
  return {
    median: median(rates),
    unit: 'rows/s',
    detail: `${int(runs[0].rows)} rows in ${median(runs.map((r) => r.seconds)).toFixed(2)} s${extra}; runs ${rates.map(int).join(' · ')}`,
  };
};

const latencyRow = (runs: Latency[]) => ({
  median: median(runs.map((r) => r.p95)),
  unit: 'ms (p95)',
  detail: `p50 ${ms(median(runs.map((r) => r.p50)))} / p95 ${ms(median(runs.map((r) => r.p95)))} ms; ${runs[0].requests} requests a run; p95 of runs ${runs.map((r) => ms(r.p95)).join(' · ')}${runs[0].extra ? `; ${runs[0].extra}` : ''}`,
});

const durationRow = (runs: Duration[]) => {
  const extra = runs[0].extra ? `; ${runs[0].extra}` : '';
  return {
    median: median(runs.map((r) => r.seconds)),
    unit: 's',
    detail: `runs ${runs.map((r) => r.seconds.toFixed(2)).join(' · ')} s${extra}`,
  };
};

/**
 * Folds the runs of one engine into one row per scenario; any failed run fails the row. With
 * `engine`, each row also carries the scenario's target there (judged when `atTargetSize`).
 */
export const summarize = (
  scenarios: readonly Scenario[],
  runs: ScenarioResult[][],
  engine?: Engine,
  atTargetSize = false
): SummaryRow[] =>
  scenarios.map((scenario) => {
    const results = runs.map((run) => run.find((r) => r.name === scenario.name));
    const peakRssMb = max(results.map((r) => r?.peakRssMb));
    const targetOf = (value: number | undefined) => {
      const target = engine ? scenario.targets?.[engine] : undefined;
      const cell = targetCell(target, scenario.unit, value, peakRssMb, atTargetSize);
      return cell ? { target: cell } : {};
    };
    const failed = results.find((r) => !r?.measurement);
    if (failed) {
      const failures = results.filter((r) => !r?.measurement).length;
      const why = failed?.error ?? 'no result';
      return {
        name: scenario.name,
        unit: scenario.unit,
        detail: `failed in ${failures} of ${runs.length} runs: ${why}`,
        peakRssMb,
        ...targetOf(undefined),
      };
    }
    const measured = results.map((r) => r!.measurement!);
    const row = measured.every(isThroughput)
      ? throughputRow(measured)
      : measured.every(isLatency)
        ? latencyRow(measured)
        : durationRow(measured as Duration[]);
    return { name: scenario.name, ...row, peakRssMb, ...targetOf(row.median) };
  });
