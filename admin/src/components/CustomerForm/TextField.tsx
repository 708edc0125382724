import { Field, TextInput } from '@strapi/design-system';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A labelled text input with its hint and its message underneath. */
export const TextField = ({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  ...input
}: TextFieldProps) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
