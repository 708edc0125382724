import { Combobox, ComboboxOption, Field, Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useState } from 'react';
import { useT } from '../../hooks/useT';

export interface PickOption {
  value: string;
  label: string;
}

interface PickListProps {
  name: string;
  label: string;
  hint: string;
  /** The chosen values. */
  value: string[];
  onChange: (value: string[]) => void;
  /** What may be chosen (the chosen ones may be missing: they still show by their value). */
  options: PickOption[];
  /** Called with what the editor types, for lists that search on the server. */
  onSearch?: (text: string) => void;
  loading?: boolean;
  error?: string;
  disabled?: boolean;
  /** What the list says when nothing matches. */
  none: string;
}

/**
 * Chooses several existing things (tags, terms, segments): a searchable list to pick from and
 * the chosen ones as removable tags. Nothing can be typed in that does not exist.
 */
export const PickList = ({
  name,
  label,
  hint,
  value,
  onChange,
  options,
  onSearch,
  loading,
  error,
  disabled,
  none,
}: PickListProps) => {
  const t = useT();
  const [text, setText] = useState('');
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const open = options.filter((o) => !value.includes(o.value));
  return (
    <Field.Root name={name} hint={hint} error={error}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        value={null as unknown as string}
        textValue={text}
        onTextValueChange={setText}
        onInputChange={(e) => {
          setText(e.target.value);
          onSearch?.(e.target.value);
        }}
        onChange={(picked) => {
          if (picked && !value.includes(picked)) onChange([...value, picked]);
          setText('');
          onSearch?.('');
        }}
        disabled={disabled}
        loading={loading}
        loadingMessage={t('picker.loading')}
        placeholder={t('picker.placeholder')}
        noOptionsMessage={() => none}
        autocomplete={{ type: 'list', filter: 'contains' }}
      >
        {open.map((option) => (
          <ComboboxOption key={option.value} value={option.value}>
            {option.label}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
      {value.length > 0 && (
        <Flex tag="ul" gap={2} wrap="wrap" paddingTop={2} aria-label={label}>
          {value.map((v) => (
            <li key={v}>
              <Tag
                icon={<Cross aria-hidden />}
                label={t('tags.remove', { tag: labelOf(v) })}
                disabled={disabled}
                onClick={() => onChange(value.filter((x) => x !== v))}
              >
                {labelOf(v)}
              </Tag>
            </li>
          ))}
        </Flex>
      )}
    </Field.Root>
  );
};
