import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { Condition, GroupNode, RuleNode } from '../../../contracts/segment-rules';
import { RuleCompileError, whereOwnedBy, type CompileContext } from './context';
import { compileEvent, compileFirstEvent, compileUtm } from './events';
import { compileField } from './fields';

type Where = Knex.QueryBuilder;

const compileSegmentRef = (qb: Where, segmentId: string, negate: boolean, ctx: CompileContext) => {
  const rowId = ctx.segmentRowId(segmentId);
  if (rowId === undefined) throw new RuleCompileError(`There is no segment "${segmentId}"`);
  const rules = ctx.mode === 'single' ? ctx.inlined?.rules.get(segmentId) : undefined;
  if (rules) {
    // A member is a customer the rules are true for: NOT EXISTS (SELECT 1 WHERE rules) is true
    // when they are false or unknown (NULL), as not being a member is.
    const tree = (inner: Where) => compileNode(inner, rules, ctx);
    if (!negate) return qb.where(tree);
    return qb.whereNotExists((inner: Where) => tree(inner.select(ctx.knex.raw('1'))));
  }
  const members = ctx.knex(TABLE.memberships).select('customer_id').where('segment_id', rowId);
  return whereOwnedBy(qb, members, ctx, { negate, antiJoin: true });
};

const compileCondition = (qb: Where, node: Condition, ctx: CompileContext): Where => {
  switch (node.kind) {
    case 'field':
      return compileField(qb, node, ctx);
    case 'event':
      return compileEvent(qb, node, ctx);
    case 'firstEvent':
      return compileFirstEvent(qb, node, ctx);
    case 'utm':
      return compileUtm(qb, node, ctx);
    case 'segment':
      return compileSegmentRef(qb, node.segmentId, node.operator === 'notIn', ctx);
    default: {
      const unknown: never = node;
      throw new RuleCompileError(`Unknown condition ${JSON.stringify(unknown)}`);
    }
  }
};

const compileGroup = (qb: Where, group: GroupNode, ctx: CompileContext) => {
  const body = (outer: Where) => {
    for (const child of group.children) {
      const add = group.op === 'and' ? outer.where.bind(outer) : outer.orWhere.bind(outer);
      add((inner: Where) => compileNode(inner, child, ctx));
    }
  };
  return group.not ? qb.whereNot(body) : qb.where(body);
};

/** Compiles one node into `qb`, a query over the customers table aliased `c`. */
export const compileNode = (qb: Where, node: RuleNode, ctx: CompileContext): Where =>
  node.kind === 'group' ? compileGroup(qb, node, ctx) : compileCondition(qb, node, ctx);

/** A query selecting the ids of the customers a tree matches (optionally only among `ids`). */
export const matchingCustomerIds = (tree: RuleNode, ctx: CompileContext, ids?: number[]) => {
  const qb = ctx.knex(`${TABLE.customers} as c`).select('c.id');
  if (ids) qb.whereIn('c.id', ids);
  return compileNode(qb, tree, ctx);
};
