import { Field } from '@strapi/design-system';
import type { ReactNode } from 'react';

export interface FieldFrameProps {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** A field's label above its input, its hint and its message underneath. */
export const FieldFrame = ({
  name,
  label,
  error,
  hint,
  children,
}: FieldFrameProps & { children: ReactNode }) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    {children}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A field's props split into the frame's and those its input takes. */
export const splitFrame = <P extends FieldFrameProps>({
  name,
  label,
  error,
  hint,
  ...input
}: P) => ({
  frame: { name, label, error, hint },
  input,
});
