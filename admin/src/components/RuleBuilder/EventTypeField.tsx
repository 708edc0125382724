import { EVENT_TYPES } from '../../../../contracts/constants';
import { useT } from '../../hooks/useT';
import { TextField } from '../CustomerForm/TextField';
import { Cell, SelectField } from './controls';

const CUSTOM = '__custom__';
const isKnown = (type: string) => (EVENT_TYPES as readonly string[]).includes(type);

interface EventTypeFieldProps {
  name: string;
  value: string;
  onChange: (eventType: string) => void;
  disabled: boolean;
}

/** The known event types to choose from, and "Custom type…" with a text input for any other. */
export const EventTypeField = ({ name, value, onChange, disabled }: EventTypeFieldProps) => {
  const t = useT();
  const custom = !isKnown(value);
  return (
    <>
      <SelectField
        name={`${name}.eventType`}
        label={t('rule.eventType')}
        value={custom ? CUSTOM : value}
        disabled={disabled}
        width="16rem"
        options={[
          ...EVENT_TYPES.map((type) => ({ value: type, label: type })),
          { value: CUSTOM, label: t('rule.eventType.custom') },
        ]}
        onChange={(next) => onChange(next === CUSTOM ? '' : next)}
      />
      {custom && (
        <Cell width="18rem">
          <TextField
            name={`${name}.customType`}
            label={t('rule.eventType.customName')}
            hint={t('rule.eventType.customHint')}
            value={value}
            disabled={disabled}
            onChange={onChange}
          />
        </Cell>
      )}
    </>
  );
};
