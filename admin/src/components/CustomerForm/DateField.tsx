import { DatePicker, Field } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { fromPickerDate, toPickerDate } from '../../utils/dates';

interface DateFieldProps {
  name: string;
  label: string;
  /** yyyy-mm-dd or empty */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  maxDate?: Date;
  minDate?: Date;
  disabled?: boolean;
}

/** A labelled date picker holding a day as yyyy-mm-dd. */
export const DateField = ({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  ...range
}: DateFieldProps) => {
  const t = useT();
  return (
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        value={toPickerDate(value)}
        onChange={(date) => onChange(fromPickerDate(date) ?? '')}
        onClear={() => onChange('')}
        clearLabel={t('form.clear')}
        {...range}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
