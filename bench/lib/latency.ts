import type { ListCustomers } from '../../contracts/customer-list';
import type { AdminClient } from '../../tests/helpers/users';
import type { Latency } from '../scenarios/types';
import { percentile } from './stats';

/** One request of a latency scenario and what its answer must contain to count. */
export interface ListRequest {
  url: string;
  expect: (body: ListCustomers.Response) => boolean;
}

/** Untimed requests first, so that the figures are not the cost of the first query plan. */
const WARMUP = 3;

const send = async (admin: AdminClient, { url, expect }: ListRequest) => {
  const res = await admin.get(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  if (!expect(res.body)) throw new Error(`GET ${url}: the answer lacks the expected customer`);
};

/**
 * Sends the requests one after the other as the admin and returns p50/p95 of their wall-clock
 * times. A request that fails or finds nothing aborts the scenario: a fast wrong answer is no
 * benchmark.
 */
export const measureLatency = async (
  admin: AdminClient,
  requests: ListRequest[]
): Promise<Latency> => {
  for (const request of requests.slice(0, WARMUP)) await send(admin, request);
  const times: number[] = [];
  for (const request of requests) {
    const started = performance.now();
    await send(admin, request);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), requests: times.length };
};
