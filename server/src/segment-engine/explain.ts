import type { RuleNode } from '../../../contracts/segment-rules';
import { matchingCustomerIds } from './compile';
import type { CompileContext } from './context';

export interface Verdict {
  member: boolean;
  decidedBy: { path: number[]; condition: RuleNode; held: boolean } | null;
}

/**
 * Why one customer is in or out of a segment: each condition is evaluated for that customer
 * alone (one indexed query each), and the verdicts combine as the groups do. An AND group is
 * decided by its first failing condition, an OR group by its first holding one.
 */
export const explain = async (
  node: RuleNode,
  customerId: number,
  ctx: CompileContext,
  path: number[] = []
): Promise<Verdict> => {
  if (node.kind !== 'group') {
    const rows = await matchingCustomerIds(node, { ...ctx, mode: 'single' }, [customerId]);
    const held = rows.length > 0;
    return { member: held, decidedBy: { path, condition: node, held } };
  }
  const verdicts: Verdict[] = [];
  for (const [index, child] of node.children.entries()) {
    verdicts.push(await explain(child, customerId, ctx, [...path, index]));
  }
  const deciding =
    node.op === 'and'
      ? (verdicts.find((v) => !v.member) ?? verdicts[0])
      : (verdicts.find((v) => v.member) ?? verdicts[0]);
  const member =
    node.op === 'and' ? verdicts.every((v) => v.member) : verdicts.some((v) => v.member);
  return { member: node.not ? !member : member, decidedBy: deciding?.decidedBy ?? null };
};
