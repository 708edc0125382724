import { createContext, useContext } from 'react';
import type { RuleNode } from '../../../../contracts/segment-rules';
import type { Segment } from '../../../../contracts/segments';
import type { RuleErrors } from '../../utils/ruleErrors';
import type { NodePath } from '../../utils/ruleTree';

/** What every editor of the rule builder needs: the tree's edits, its messages, the segments. */
export interface RuleBuilderContextValue {
  replace: (path: NodePath, node: RuleNode) => void;
  remove: (path: NodePath) => void;
  append: (groupPath: NodePath, node: RuleNode) => void;
  errors: RuleErrors;
  /** The segments an "is in segment" condition may pick (the edited one left out). */
  segments: Segment[];
  disabled: boolean;
}

export const RuleBuilderContext = createContext<RuleBuilderContextValue | null>(null);

/** The builder's context; the editors only ever render inside `RuleBuilder`. */
export const useRuleBuilder = () => {
  const value = useContext(RuleBuilderContext);
  if (!value) throw new Error('Rule editors must be rendered inside RuleBuilder');
  return value;
};
