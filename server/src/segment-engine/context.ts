import type { Knex } from 'knex';

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
  /** Table and column names of a content type's scalar fields, or undefined when unknown. */
  contentType: (uid: string) => { table: string; columns: Record<string, string> } | undefined;
}

/** A tree that cannot be compiled: the message says which condition and why. */
export class RuleCompileError extends Error {}

/** Escapes LIKE wildcards so user text matches literally (ESCAPE '\\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
