import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { GENDERS, type Gender } from '../../../../contracts/constants';
import { useT } from '../../hooks/useT';

interface GenderFieldProps {
  value: Gender | '';
  onChange: (value: Gender | '') => void;
  error?: string;
  name?: string;
  label?: string;
  placeholder?: string;
}

/** Female, male, other or not set. */
export const GenderField = ({
  value,
  onChange,
  error,
  name = 'gender',
  label,
  placeholder,
}: GenderFieldProps) => {
  const t = useT();
  return (
    <Field.Root name={name} error={error}>
      <Field.Label>{label ?? t('customer.gender')}</Field.Label>
      <SingleSelect
        value={value}
        onChange={(next) => onChange(GENDERS.find((g) => g === next) ?? '')}
        onClear={() => onChange('')}
        clearLabel={t('form.clear')}
        placeholder={placeholder ?? t('form.gender.placeholder')}
      >
        {GENDERS.map((gender) => (
          <SingleSelectOption key={gender} value={gender}>
            {t(`gender.${gender}`)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};
