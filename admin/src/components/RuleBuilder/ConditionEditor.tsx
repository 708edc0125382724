import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useId } from 'react';
import type { Condition } from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { pathKey, type NodePath } from '../../utils/ruleTree';
import { useRuleBuilder } from './context';
import { EventConditionEditor } from './EventConditionEditor';
import { FieldConditionEditor } from './FieldConditionEditor';
import { NodeErrors } from './NodeErrors';
import { FirstEventEditor, SegmentEditor, UtmEditor } from './OtherConditionEditors';

interface ConditionEditorProps {
  condition: Condition;
  path: NodePath;
  /** 1-based place in its group, for the remove button's name. */
  position: number;
}

/** One condition as a card: its kind, its inputs, its messages and a remove button. */
export const ConditionEditor = ({ condition, path, position }: ConditionEditorProps) => {
  const t = useT();
  const { replace, remove, errors, disabled } = useRuleBuilder();
  const key = pathKey(path);
  const name = `rules.${key}`;
  const errorsId = useId();
  const messages = errors[key];
  const common = { name, disabled };

  return (
    <Box
      tag="section"
      aria-label={t('rule.condition.label', {
        kind: t(`rule.kind.${condition.kind}`),
        n: position,
      })}
      aria-describedby={messages ? errorsId : undefined}
      background="neutral0"
      borderColor={messages ? 'danger600' : 'neutral200'}
      hasRadius
      padding={4}
      data-condition=""
      data-invalid={messages ? '' : undefined}
    >
      <Flex justifyContent="space-between" gap={2} paddingBottom={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t(`rule.kind.${condition.kind}`)}
        </Typography>
        {!disabled && (
          <IconButton
            label={t('rule.condition.remove', { n: position })}
            variant="ghost"
            onClick={() => remove(path)}
          >
            <Trash />
          </IconButton>
        )}
      </Flex>
      {condition.kind === 'field' ? (
        <FieldConditionEditor
          {...common}
          condition={condition}
          onChange={(c) => replace(path, c)}
        />
      ) : condition.kind === 'event' ? (
        <EventConditionEditor
          {...common}
          condition={condition}
          onChange={(c) => replace(path, c)}
        />
      ) : condition.kind === 'firstEvent' ? (
        <FirstEventEditor {...common} condition={condition} onChange={(c) => replace(path, c)} />
      ) : condition.kind === 'utm' ? (
        <UtmEditor {...common} condition={condition} onChange={(c) => replace(path, c)} />
      ) : (
        <SegmentEditor {...common} condition={condition} onChange={(c) => replace(path, c)} />
      )}
      <Box paddingTop={messages ? 2 : 0}>
        <NodeErrors id={errorsId} messages={messages} />
      </Box>
    </Box>
  );
};
