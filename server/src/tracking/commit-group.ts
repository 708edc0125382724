import type { Knex } from 'knex';

/**
 * Group commit: writes submitted while a transaction is committing wait, then share the next
 * transaction. A commit costs a disk flush (about 12 ms on SQLite's default rollback journal),
 * so one transaction per tracking request caps a server at some 80 requests a second whatever
 * the CPU; grouped, the flush is paid once for every request that arrived meanwhile. A lone
 * write starts at once, so nothing waits on a timer. When a group's transaction fails, each of
 * its writes is retried in a transaction of its own, so one bad write fails only its request.
 */
export const createCommitGroup = (knex: () => Knex) => {
  type Write = (trx: Knex.Transaction) => Promise<unknown>;
  type Pending = { write: Write; resolve: (value: any) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let running = false;

  const alone = async (p: Pending) => {
    try {
      p.resolve(await knex().transaction(p.write));
    } catch (error) {
      p.reject(error);
    }
  };

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) {
        const group = queue;
        queue = [];
        if (group.length === 1) {
          await alone(group[0]);
          continue;
        }
        let results: unknown[] | undefined;
        try {
          results = await knex().transaction(async (trx) => {
            const out: unknown[] = [];
            for (const p of group) out.push(await p.write(trx));
            return out;
          });
        } catch {
          for (const p of group) await alone(p);
          continue;
        }
        group.forEach((p, i) => p.resolve(results![i]));
      }
    } finally {
      running = false;
    }
  };

  return {
    /** Runs `write` in a transaction shared with the writes submitted at the same time. */
    run<T>(write: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        if (!running) void drain();
      });
    },
  };
};
