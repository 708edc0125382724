import { Box, Button, Checkbox, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useEffect, useRef } from 'react';
import type { GroupNode } from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import {
  canNestGroup,
  defaultCondition,
  emptyGroup,
  pathKey,
  type NodePath,
} from '../../utils/ruleTree';
import { AddConditionMenu } from './AddConditionMenu';
import { ConditionEditor } from './ConditionEditor';
import { SelectField } from './controls';
import { useRuleBuilder } from './context';
import { NodeErrors } from './NodeErrors';

interface GroupEditorProps {
  group: GroupNode;
  path: NodePath;
  /** 1-based place in its parent group (the root has none). */
  position?: number;
}

/**
 * A group: its conditions and nested groups joined by AND or OR (said between them), optionally
 * negated, with buttons to add a condition of any kind or a nested group. A fieldset, so screen
 * readers announce where a condition sits.
 */
export const GroupEditor = ({ group, path, position }: GroupEditorProps) => {
  const t = useT();
  const { replace, remove, append, errors, disabled } = useRuleBuilder();
  const key = pathKey(path);
  const root = path.length === 0;
  const listRef = useRef<HTMLOListElement>(null);
  const added = useRef(false);
  const connector = t(group.op === 'and' ? 'rule.connector.and' : 'rule.connector.or');

  /** Moves the focus to the first control of the last child (what was just added). */
  const focusLast = () => {
    const last = listRef.current?.lastElementChild;
    const control =
      last?.querySelector<HTMLElement>('[role="combobox"], input') ?? last?.querySelector('button');
    control?.focus();
  };

  // After "Add group", move the focus into the new group so building goes on from the keyboard
  // (after "Add condition" the menu does it once it has closed).
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    focusLast();
  }, [group.children.length]);

  return (
    <Box
      tag="fieldset"
      background={path.length % 2 === 0 ? 'neutral100' : 'neutral0'}
      borderColor={errors[key] ? 'danger600' : 'neutral200'}
      hasRadius
      padding={4}
      style={{ margin: 0, minWidth: 0 }}
    >
      <VisuallyHidden tag="legend">
        {root ? t('rule.group.root') : t('rule.group.nested', { n: position ?? 1 })}
      </VisuallyHidden>
      <Flex gap={4} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
        <Flex gap={4} wrap="wrap" alignItems="flex-end">
          <SelectField
            name={`rules.${key}.op`}
            label={root ? t('rule.group.op.root') : t('rule.group.op')}
            value={group.op}
            disabled={disabled}
            width="28rem"
            options={[
              { value: 'and', label: t('rule.group.and') },
              { value: 'or', label: t('rule.group.or') },
            ]}
            onChange={(op) => replace(path, { ...group, op: op as GroupNode['op'] })}
          />
          <Box paddingBottom={3}>
            <Checkbox
              checked={Boolean(group.not)}
              disabled={disabled}
              onCheckedChange={(checked) => replace(path, { ...group, not: checked === true })}
            >
              {t('rule.group.not')}
            </Checkbox>
          </Box>
        </Flex>
        {!root && !disabled && (
          <Button
            variant="danger-light"
            size="S"
            startIcon={<Trash />}
            onClick={() => remove(path)}
          >
            {t('rule.group.remove')}
          </Button>
        )}
      </Flex>
      <Box paddingTop={2}>
        <NodeErrors messages={errors[key]} />
      </Box>
      {group.children.length === 0 ? (
        <Box paddingTop={3} paddingBottom={3}>
          <Typography textColor="neutral600">{t('rule.group.empty')}</Typography>
        </Box>
      ) : (
        <Flex
          ref={listRef}
          tag="ol"
          direction="column"
          alignItems="stretch"
          gap={2}
          paddingTop={3}
          paddingBottom={3}
          style={{ listStyle: 'none', margin: 0, paddingLeft: 0, paddingRight: 0 }}
        >
          {group.children.map((child, index) => (
            <li key={index}>
              {index > 0 && (
                <Box paddingBottom={2} paddingLeft={2}>
                  <Typography variant="sigma" textColor="primary600">
                    {connector}
                  </Typography>
                </Box>
              )}
              {child.kind === 'group' ? (
                <GroupEditor group={child} path={[...path, index]} position={index + 1} />
              ) : (
                <ConditionEditor condition={child} path={[...path, index]} position={index + 1} />
              )}
            </li>
          ))}
        </Flex>
      )}
      {!disabled && (
        <Flex gap={2} wrap="wrap">
          <AddConditionMenu
            onAdd={(kind) => append(path, defaultCondition(kind))}
            onAdded={focusLast}
          />
          <Button
            variant="tertiary"
            size="S"
            startIcon={<Plus />}
            disabled={!canNestGroup(path)}
            onClick={() => {
              added.current = true;
              append(path, {
                ...emptyGroup(group.op === 'and' ? 'or' : 'and'),
                children: [defaultCondition('field')],
              });
            }}
          >
            {t('rule.addGroup')}
          </Button>
        </Flex>
      )}
    </Box>
  );
};
