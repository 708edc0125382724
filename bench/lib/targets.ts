import type { Scenario, Target } from '../scenarios/types';

/** The size the targets are set for: 1,000,000 customers and 10,000,000 events. */
export const TARGET_SIZE = { customers: 1_000_000, events: 10_000_000 };

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** A target in words, such as "≥ 50,000 rows/s, RSS < 400 MB". */
export const describeTarget = (target: Target, unit: Scenario['unit']) =>
  [
    target.atLeast !== undefined ? `≥ ${int(target.atLeast)} ${unit}` : '',
    target.atMost !== undefined ? `< ${int(target.atMost)} ${unit}` : '',
    target.peakRssMbBelow !== undefined ? `RSS < ${int(target.peakRssMbBelow)} MB` : '',
  ]
    .filter(Boolean)
    .join(', ');

/**
 * Whether a median (and the scenario's peak RSS) meets a target, with what was missed. A failed
 * scenario (no median) meets nothing.
 */
export const checkTarget = (
  target: Target,
  median: number | undefined,
  peakRssMb: number | undefined
): { met: boolean; missed: string[] } => {
  const missed: string[] = [];
  if (median === undefined || Number.isNaN(median)) return { met: false, missed: ['no figure'] };
  if (target.atLeast !== undefined && median < target.atLeast) missed.push('speed');
  if (target.atMost !== undefined && median >= target.atMost) missed.push('time');
  if (
    target.peakRssMbBelow !== undefined &&
    (peakRssMb === undefined || !(peakRssMb < target.peakRssMbBelow))
  ) {
    missed.push('memory');
  }
  return { met: missed.length === 0, missed };
};

/**
 * The target cell of a table row: the verdict when the run had the target size, else the target
 * alone (a smaller run says little about it).
 */
export const targetCell = (
  target: Target | undefined,
  unit: Scenario['unit'],
  median: number | undefined,
  peakRssMb: number | undefined,
  atTargetSize: boolean
) => {
  if (!target) return '';
  const text = describeTarget(target, unit);
  if (!atTargetSize) return `${text} (at 1M/10M)`;
  const { met, missed } = checkTarget(target, median, peakRssMb);
  return met ? `${text}: met` : `${text}: missed (${missed.join(', ')})`;
};

/** True when a run's N and M are at least the size the targets are set for. */
export const isTargetSize = (customers: number, events: number) =>
  customers >= TARGET_SIZE.customers && events >= TARGET_SIZE.events;
