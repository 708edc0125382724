import { TextInput } from '@strapi/design-system';
import { FieldFrame, splitFrame, type FieldFrameProps } from './FieldFrame';

interface TextFieldProps extends FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A labelled text input with its hint and its message underneath. */
export const TextField = ({ value, onChange, ...props }: TextFieldProps) => {
  const { frame, input } = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <TextInput value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </FieldFrame>
  );
};
