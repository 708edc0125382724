import { Flex, Typography } from '@strapi/design-system';
import { useMemo } from 'react';
import type { GroupNode } from '../../../../contracts/segment-rules';
import type { Segment } from '../../../../contracts/segments';
import { useT } from '../../hooks/useT';
import type { RuleErrors } from '../../utils/ruleErrors';
import { appendAt, removeAt, replaceAt } from '../../utils/ruleTree';
import { RuleBuilderContext, type RuleBuilderContextValue } from './context';
import { GroupEditor } from './GroupEditor';

interface RuleBuilderProps {
  value: GroupNode;
  onChange: (rules: GroupNode) => void;
  errors: RuleErrors;
  /** Segments that "is in segment" may refer to. */
  segments: Segment[];
  disabled?: boolean;
}

/**
 * The visual condition builder over the shared rule tree (`contracts/segment-rules.ts`): the
 * root group with its conditions and nested groups. Edits go through the pure helpers of
 * `utils/ruleTree.ts`; messages come from the server's schema (`utils/ruleErrors.ts`).
 */
export const RuleBuilder = ({
  value,
  onChange,
  errors,
  segments,
  disabled = false,
}: RuleBuilderProps) => {
  const t = useT();
  const context = useMemo<RuleBuilderContextValue>(
    () => ({
      replace: (path, node) => onChange(replaceAt(value, path, node) as GroupNode),
      remove: (path) => onChange(removeAt(value, path) as GroupNode),
      append: (path, node) => onChange(appendAt(value, path, node) as GroupNode),
      errors,
      segments,
      disabled,
    }),
    [value, onChange, errors, segments, disabled]
  );
  return (
    <RuleBuilderContext.Provider value={context}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="pi" textColor="neutral600">
          {t('rule.intro')}
        </Typography>
        <GroupEditor group={value} path={[]} />
      </Flex>
    </RuleBuilderContext.Provider>
  );
};
