import { Field, TextInput, VisuallyHidden } from '@strapi/design-system';
import type { FieldErrors } from '../../utils/apiErrors';
import { RowsFieldset } from './RowsFieldset';

interface ListInputProps {
  name: 'emails' | 'phones';
  legend: string;
  hint?: string;
  itemLabel: (position: number) => string;
  addLabel: string;
  removeLabel: (position: number) => string;
  values: string[];
  onChange: (values: string[]) => void;
  errors: FieldErrors;
  type: 'email' | 'tel';
  placeholder?: string;
}

/** One or more emails or phone numbers, each with its own message. */
export const ListInput = ({
  name,
  legend,
  hint,
  itemLabel,
  addLabel,
  removeLabel,
  values,
  onChange,
  errors,
  type,
  placeholder,
}: ListInputProps) => (
  <RowsFieldset
    legend={legend}
    hint={hint}
    error={errors[name]}
    count={values.length}
    addLabel={addLabel}
    onAdd={() => onChange([...values, ''])}
    removeLabel={(index) => removeLabel(index + 1)}
    onRemove={(index) => onChange(values.filter((_, i) => i !== index))}
    renderRow={(index) => (
      <Field.Root name={`${name}.${index}`} error={errors[`${name}.${index}`]}>
        <VisuallyHidden>
          <Field.Label>{itemLabel(index + 1)}</Field.Label>
        </VisuallyHidden>
        <TextInput
          type={type}
          value={values[index]}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) =>
            onChange(values.map((value, i) => (i === index ? e.target.value : value)))
          }
        />
        <Field.Error />
      </Field.Root>
    )}
  />
);
