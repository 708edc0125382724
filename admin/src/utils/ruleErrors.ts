import { ValidationError } from 'yup';
import type { RuleNode } from '../../../contracts/segment-rules';
import { ruleTreeSchema } from '../../../contracts/segment-rules-schema';
import { cleanTree, pathKey } from './ruleTree';

/** Messages per node of the rule tree, keyed by the node's path key ('' for the whole tree). */
export type RuleErrors = Record<string, string[]>;

/**
 * The node path of a yup error path: `children[1].children[0].target.uid` is node `1.0` (the
 * rest names a part of that node, which the message already says).
 */
export const nodeKeyOf = (yupPath: string | undefined): string =>
  pathKey([...(yupPath ?? '').matchAll(/children\[(\d+)\]/g)].map((m) => Number(m[1])));

/** A message without yup's `children[1].children[0].` prefix: the node it sits on says where. */
export const withoutNodePath = (message: string) => message.replace(/^(children\[\d+\]\.?)+/, '');

/**
 * Checks the tree with the schema the server validates with, so the messages are the server's;
 * each lands on the node it is about. Empty when the tree may be saved.
 */
export const validateRuleTree = (tree: RuleNode): RuleErrors => {
  try {
    ruleTreeSchema.validateSync(cleanTree(tree), { abortEarly: false });
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const errors: RuleErrors = {};
    const all = error.inner.length > 0 ? error.inner : [error];
    for (const item of all) {
      const key = nodeKeyOf(item.path);
      const list = (errors[key] ??= []);
      const message = withoutNodePath(item.message);
      if (message && !list.includes(message)) list.push(message);
    }
    return errors;
  }
};

/** How many messages the tree has in all. */
export const countRuleErrors = (errors: RuleErrors) =>
  Object.values(errors).reduce((n, list) => n + list.length, 0);
