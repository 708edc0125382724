import { Box, Field, NumberInput, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** Small labelled inputs that the condition editors line up in a row. */

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
  width?: string;
}

/** A labelled single choice. */
export const SelectField = ({
  name,
  label,
  value,
  options,
  onChange,
  placeholder,
  hint,
  disabled,
  width = '20rem',
}: SelectFieldProps) => (
  <Cell width={width}>
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(next) => onChange(String(next))}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  </Cell>
);

interface NumberFieldProps {
  name: string;
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  width?: string;
}

/** A labelled whole number. */
export const NumberField = ({
  name,
  label,
  value,
  onChange,
  min = 0,
  max,
  disabled,
  width = '12rem',
}: NumberFieldProps) => (
  <Cell width={width}>
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <NumberInput
        value={value}
        onValueChange={onChange}
        step={1}
        min={min}
        max={max}
        disabled={disabled}
      />
    </Field.Root>
  </Cell>
);

/** One input's room in a row of inputs that wraps on narrow screens. */
export const Cell = ({ width = '20rem', children }: { width?: string; children: ReactNode }) => (
  <Box minWidth={width} flex={`0 1 ${width}`}>
    {children}
  </Box>
);
