import type { Knex } from 'knex';
import type { RuleNode } from '../../../contracts/segment-rules';

/** What the compiler needs to know besides the tree; everything it looks up is resolved first. */
export interface CompileContext {
  knex: Knex;
  /** "Today" for ages and "in the last N days". */
  now: Date;
  /**
   * `set`: event conditions as aggregated subqueries over the events table (fast for a whole
   * segment); `single`: correlated subqueries per customer (fast for a few customers).
   */
  mode: 'set' | 'single';
  /** Row id of a segment by its segment ID, or undefined when there is none. */
  segmentRowId: (segmentId: string) => number | undefined;
  /**
   * In `single` mode, the rules of the rule segments whose references are compiled as their
   * rules rather than read from the memberships, so that segments of segments are evaluated in
   * the same query as the segments they refer to.
   */
  inlined?: InlinedRules;
  /** Table and column names of a content type's scalar fields, or undefined when unknown. */
  contentType: (uid: string) => { table: string; columns: Record<string, string> } | undefined;
}

/** Rule trees by segment ID, and a key that changes when any of them does (for caches). */
export interface InlinedRules {
  rules: Map<string, RuleNode>;
  key: string;
}

/** A tree that cannot be compiled: the message says which condition and why. */
export class RuleCompileError extends Error {}

/** Escapes LIKE wildcards so user text matches literally (ESCAPE '\\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Keeps the customers (`c`) that `owners`, a subquery selecting `customer_id`, holds, or with
 * `negate` those it does not. `set` mode tests against the whole subquery at once, which suits a
 * whole segment; `single` mode correlates it with the customer (`EXISTS ... customer_id = c.id`),
 * an index probe per customer, instead of computing the whole subquery to test a few customers.
 * With `antiJoin`, a negation is a NOT EXISTS in set mode too: PostgreSQL runs `NOT IN` over a
 * subquery larger than work_mem as a nested loop (hours for a 700,000-member segment). Either
 * way the test is true or false for every customer, never unknown.
 */
export const whereOwnedBy = (
  qb: Knex.QueryBuilder,
  owners: Knex.QueryBuilder,
  ctx: CompileContext,
  { negate = false, antiJoin = false } = {}
) => {
  if (ctx.mode === 'single' || (negate && antiJoin)) {
    const correlated = owners.whereRaw('customer_id = ??', ['c.id']);
    return negate ? qb.whereNotExists(correlated) : qb.whereExists(correlated);
  }
  // A NULL among the ids would make IN unknown (not false) for everyone else, and NOT IN
  // unknown for everyone: the rules are two-valued only over a list without NULL.
  owners.whereNotNull('customer_id');
  return negate ? qb.whereNotIn('c.id', owners) : qb.whereIn('c.id', owners);
};
