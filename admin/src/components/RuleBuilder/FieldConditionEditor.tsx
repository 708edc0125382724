import { Flex } from '@strapi/design-system';
import {
  FIELDS,
  OPERATORS_BY_KIND,
  type FieldCondition,
  type FieldName,
  type Operator,
} from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { fieldLabel, operatorLabel } from '../../utils/ruleLabels';
import { withField, withOperator } from '../../utils/ruleTree';
import { DateField } from '../CustomerForm/DateField';
import { Cell, SelectField } from './controls';
import { FieldValueInput } from './FieldValueInput';

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

interface FieldConditionEditorProps {
  condition: FieldCondition;
  name: string;
  onChange: (condition: FieldCondition) => void;
  disabled: boolean;
}

/**
 * "Characteristic": a field, an operator among those the field's kind takes
 * (`OPERATORS_BY_KIND`), and a value input that fits both; terms and subscriptions also take
 * "since" (only those given on or after a day).
 */
export const FieldConditionEditor = ({
  condition,
  name,
  onChange,
  disabled,
}: FieldConditionEditorProps) => {
  const t = useT();
  const operators = OPERATORS_BY_KIND[FIELDS[condition.field]];
  const takesSince = condition.field === 'terms' || condition.field === 'subscriptions';
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-start">
      <SelectField
        name={`${name}.field`}
        label={t('rule.characteristic')}
        value={condition.field}
        disabled={disabled}
        options={FIELD_NAMES.map((field) => ({ value: field, label: fieldLabel(field, t) }))}
        onChange={(field) => onChange(withField(condition, field as FieldName))}
      />
      <SelectField
        name={`${name}.operator`}
        label={t('rule.operator')}
        value={condition.operator}
        disabled={disabled}
        options={operators.map((op) => ({
          value: op,
          label: operatorLabel(condition.field, op, t),
        }))}
        onChange={(op) => onChange(withOperator(condition, op as Operator))}
      />
      <FieldValueInput
        condition={condition}
        name={name}
        disabled={disabled}
        onChange={(value) => onChange({ ...condition, value })}
      />
      {takesSince && (
        <Cell width="18rem">
          <DateField
            disabled={disabled}
            name={`${name}.since`}
            label={t('rule.since')}
            hint={t('rule.since.hint')}
            value={condition.since ?? ''}
            onChange={(since) => onChange({ ...condition, since })}
          />
        </Cell>
      )}
    </Flex>
  );
};
