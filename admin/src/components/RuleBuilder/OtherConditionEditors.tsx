import { Flex } from '@strapi/design-system';
import type {
  FirstEventCondition,
  SegmentCondition,
  UtmCondition,
} from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { operatorLabel } from '../../utils/ruleLabels';
import { TextField } from '../CustomerForm/TextField';
import { TagsInput } from '../TagsInput';
import { Cell, NumberField, SelectField } from './controls';
import { EventTypeField } from './EventTypeField';
import { useRuleBuilder } from './context';

interface EditorProps<C> {
  condition: C;
  name: string;
  onChange: (condition: C) => void;
  disabled: boolean;
}

/** "First did event T in the last N days": new customers by how they started. */
export const FirstEventEditor = ({
  condition,
  name,
  onChange,
  disabled,
}: EditorProps<FirstEventCondition>) => {
  const t = useT();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-start">
      <EventTypeField
        name={name}
        value={condition.eventType}
        disabled={disabled}
        onChange={(eventType) => onChange({ ...condition, eventType })}
      />
      <NumberField
        name={`${name}.days`}
        label={t('rule.firstEvent.days')}
        value={condition.days}
        min={1}
        max={3650}
        disabled={disabled}
        onChange={(days) => onChange({ ...condition, days: days ?? 0 })}
      />
    </Flex>
  );
};

const UTM_PARAMS: UtmCondition['param'][] = ['source', 'medium', 'campaign'];
const UTM_OPERATORS: UtmCondition['operator'][] = [
  'equals',
  'notEquals',
  'in',
  'contains',
  'startsWith',
];

/** "UTM source / medium / campaign of any event is / contains … a value". */
export const UtmEditor = ({ condition, name, onChange, disabled }: EditorProps<UtmCondition>) => {
  const t = useT();
  const list = Array.isArray(condition.value)
    ? condition.value
    : condition.value
      ? [condition.value]
      : [];
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-start">
      <SelectField
        name={`${name}.param`}
        label={t('rule.utm.param')}
        value={condition.param}
        disabled={disabled}
        width="16rem"
        options={UTM_PARAMS.map((param) => ({ value: param, label: t(`rule.utm.${param}`) }))}
        onChange={(param) => onChange({ ...condition, param: param as UtmCondition['param'] })}
      />
      <SelectField
        name={`${name}.operator`}
        label={t('rule.operator')}
        value={condition.operator}
        disabled={disabled}
        width="16rem"
        options={UTM_OPERATORS.map((op) => ({ value: op, label: operatorLabel(null, op, t) }))}
        onChange={(op) =>
          onChange({
            ...condition,
            operator: op as UtmCondition['operator'],
            value: op === 'in' ? list : (list[0] ?? ''),
          })
        }
      />
      <Cell width="24rem">
        {condition.operator === 'in' ? (
          <TagsInput
            name={`${name}.value`}
            label={t('rule.values')}
            hint={t('rule.values.hint')}
            value={list}
            disabled={disabled}
            onChange={(value) => onChange({ ...condition, value })}
          />
        ) : (
          <TextField
            name={`${name}.value`}
            label={t('rule.value')}
            value={list[0] ?? ''}
            disabled={disabled}
            onChange={(value) => onChange({ ...condition, value })}
          />
        )}
      </Cell>
    </Flex>
  );
};

/** "Is / is not in segment S", S picked from the other segments. */
export const SegmentEditor = ({
  condition,
  name,
  onChange,
  disabled,
}: EditorProps<SegmentCondition>) => {
  const t = useT();
  const { segments } = useRuleBuilder();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-start">
      <SelectField
        name={`${name}.operator`}
        label={t('rule.segment.operator')}
        value={condition.operator}
        disabled={disabled}
        width="16rem"
        options={[
          { value: 'in', label: t('rule.segment.in') },
          { value: 'notIn', label: t('rule.segment.notIn') },
        ]}
        onChange={(op) => onChange({ ...condition, operator: op as SegmentCondition['operator'] })}
      />
      <SelectField
        name={`${name}.segmentId`}
        label={t('rule.segment')}
        placeholder={t('rule.segment.pick')}
        hint={segments.length === 0 ? t('rule.segment.none') : undefined}
        value={condition.segmentId}
        disabled={disabled}
        width="28rem"
        options={segments.map((s) => ({ value: s.segmentId, label: `${s.name} (${s.segmentId})` }))}
        onChange={(segmentId) => onChange({ ...condition, segmentId })}
      />
    </Flex>
  );
};
