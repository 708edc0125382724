import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
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

/** A combobox over the English country names the server accepts; typing filters the list. */
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
  return (
    <Field.Root name={name} error={error}>
      <Field.Label>{label ?? t('customer.country')}</Field.Label>
      <Combobox
        value={value}
        disabled={disabled}
        onChange={(next) => onChange(next ?? '')}
        onClear={() => onChange('')}
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
