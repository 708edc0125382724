import { DatePicker } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { fromPickerDate, toPickerDate } from '../../utils/dates';
import { FieldFrame, splitFrame, type FieldFrameProps } from './FieldFrame';

interface DateFieldProps extends FieldFrameProps {
  /** yyyy-mm-dd or empty */
  value: string;
  onChange: (value: string) => void;
  maxDate?: Date;
  minDate?: Date;
  disabled?: boolean;
}

/** A labelled date picker holding a day as yyyy-mm-dd. */
export const DateField = ({ value, onChange, ...props }: DateFieldProps) => {
  const t = useT();
  const { frame, input: range } = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <DatePicker
        value={toPickerDate(value)}
        onChange={(date) => onChange(fromPickerDate(date) ?? '')}
        onClear={() => onChange('')}
        clearLabel={t('form.clear')}
        {...range}
      />
    </FieldFrame>
  );
};
