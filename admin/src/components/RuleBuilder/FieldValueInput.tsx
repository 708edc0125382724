import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import {
  ENUM_VALUES,
  FIELDS,
  type FieldCondition,
  type Scalar,
} from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { valueLabel } from '../../utils/ruleLabels';
import { CountryField } from '../CustomerForm/CountryField';
import { DateField } from '../CustomerForm/DateField';
import { TextField } from '../CustomerForm/TextField';
import { TagsInput } from '../TagsInput';
import { Cell, NumberField, SelectField } from './controls';

interface FieldValueInputProps {
  condition: FieldCondition;
  /** Prefix of the inputs' names, unique in the form. */
  name: string;
  onChange: (value: FieldCondition['value']) => void;
  disabled: boolean;
}

const asList = (value: FieldCondition['value']): Scalar[] =>
  Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value];

const toNumber = (value: Scalar | undefined) => (typeof value === 'number' ? value : undefined);
const asNumbers = (tags: string[]) =>
  tags.map((tag) => (tag.trim() !== '' && Number.isFinite(Number(tag)) ? Number(tag) : tag));

/**
 * The value part of a characteristic condition, shaped by the field's kind and the operator: a
 * number, a choice, text, a date, yes/no, two values for "between", a list for "is one of".
 */
export const FieldValueInput = ({ condition, name, onChange, disabled }: FieldValueInputProps) => {
  const t = useT();
  const { field, operator, value } = condition;
  const kind = FIELDS[field];
  const allowed = ENUM_VALUES[field];
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return null;

  if (operator === 'in' || operator === 'notIn') {
    const list = asList(value).map(String);
    if (allowed) {
      return (
        <Cell width="28rem">
          <Field.Root name={`${name}.value`}>
            <Field.Label>{t('rule.values')}</Field.Label>
            <MultiSelect
              value={list}
              disabled={disabled}
              withTags
              placeholder={t('rule.values.pick')}
              onChange={(next) => onChange(next)}
            >
              {allowed.map((option) => (
                <MultiSelectOption key={option} value={option}>
                  {valueLabel(field, option, t)}
                </MultiSelectOption>
              ))}
            </MultiSelect>
          </Field.Root>
        </Cell>
      );
    }
    return (
      <Cell width="28rem">
        <TagsInput
          name={`${name}.value`}
          label={t('rule.values')}
          hint={t('rule.values.hint')}
          value={list}
          disabled={disabled}
          onChange={(tags) => onChange(kind === 'number' ? asNumbers(tags) : tags)}
        />
      </Cell>
    );
  }

  if (operator === 'between') {
    const [from, to] = asList(value);
    if (kind === 'date') {
      return (
        <>
          {[from, to].map((day, i) => (
            <Cell key={i} width="18rem">
              <DateField
                disabled={disabled}
                name={`${name}.value.${i}`}
                label={i === 0 ? t('rule.from') : t('rule.to')}
                value={typeof day === 'string' ? day : ''}
                onChange={(next) => onChange(i === 0 ? [next, to ?? ''] : [from ?? '', next])}
              />
            </Cell>
          ))}
        </>
      );
    }
    return (
      <>
        {[from, to].map((n, i) => (
          <NumberField
            key={i}
            name={`${name}.value.${i}`}
            label={i === 0 ? t('rule.from') : t('rule.to')}
            value={toNumber(n)}
            disabled={disabled}
            onChange={(next) =>
              onChange(i === 0 ? [next ?? '', to ?? ''] : [from ?? '', next ?? ''])
            }
          />
        ))}
      </>
    );
  }

  const single = asList(value)[0];
  if (kind === 'number') {
    return (
      <NumberField
        name={`${name}.value`}
        label={t('rule.value')}
        value={toNumber(single)}
        disabled={disabled}
        onChange={(next) => onChange(next ?? '')}
      />
    );
  }
  if (kind === 'boolean') {
    return (
      <SelectField
        name={`${name}.value`}
        label={t('rule.value')}
        value={String(single ?? true)}
        disabled={disabled}
        width="12rem"
        options={[
          { value: 'true', label: t('value.yes') },
          { value: 'false', label: t('value.no') },
        ]}
        onChange={(next) => onChange(next === 'true')}
      />
    );
  }
  if (allowed) {
    return (
      <SelectField
        name={`${name}.value`}
        label={t('rule.value')}
        value={String(single ?? '')}
        disabled={disabled}
        options={allowed.map((option) => ({ value: option, label: valueLabel(field, option, t) }))}
        onChange={onChange}
      />
    );
  }
  if (kind === 'date') {
    return (
      <Cell width="18rem">
        <DateField
          disabled={disabled}
          name={`${name}.value`}
          label={t('rule.date')}
          value={typeof single === 'string' ? single : ''}
          onChange={onChange}
        />
      </Cell>
    );
  }
  if (field === 'country' && (operator === 'equals' || operator === 'notEquals')) {
    return (
      <Cell width="24rem">
        <CountryField
          disabled={disabled}
          name={`${name}.value`}
          label={t('rule.value')}
          value={String(single ?? '')}
          onChange={onChange}
        />
      </Cell>
    );
  }
  return (
    <Cell width="24rem">
      <TextField
        name={`${name}.value`}
        label={t('rule.value')}
        value={String(single ?? '')}
        disabled={disabled}
        onChange={onChange}
      />
    </Cell>
  );
};
