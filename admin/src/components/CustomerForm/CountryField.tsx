import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { COUNTRIES } from '../../../../contracts/countries';
import { useT } from '../../hooks/useT';

interface CountryFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  name?: string;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * A combobox over the English country names the server accepts; typing filters the list. Its
 * text is kept here: the design system's combobox takes the shown text from the chosen option,
 * which it does not render among 250 options until opened, so a stored country showed as the
 * placeholder.
 */
export const CountryField = ({
  value,
  onChange,
  error,
  name = 'country',
  label,
  placeholder,
  disabled,
}: CountryFieldProps) => {
  const t = useT();
  const [text, setText] = useState(value);
  // A new value from outside (the loaded profile, Reset): show it.
  useEffect(() => setText(value), [value]);
  return (
    <Field.Root name={name} error={error}>
      <Field.Label>{label ?? t('customer.country')}</Field.Label>
      <Combobox
        value={value}
        textValue={text}
        onTextValueChange={setText}
        disabled={disabled}
        onChange={(next) => onChange(next ?? '')}
        onClear={() => {
          setText('');
          onChange('');
        }}
        clearLabel={t('form.clear')}
        placeholder={placeholder ?? t('form.country.placeholder')}
        noOptionsMessage={() => t('form.country.none')}
        autocomplete={{ type: 'list', filter: 'contains' }}
      >
        {COUNTRIES.map((country) => (
          <ComboboxOption key={country} value={country}>
            {country}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Error />
    </Field.Root>
  );
};
