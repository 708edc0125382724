import type { EventWindow } from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { DateField } from '../CustomerForm/DateField';
import { Cell, NumberField, SelectField } from './controls';

interface EventWindowEditorProps {
  window: EventWindow;
  name: string;
  onChange: (window: EventWindow) => void;
  disabled: boolean;
}

const start = (type: EventWindow['type']): EventWindow =>
  type === 'ever'
    ? { type }
    : type === 'lastDays'
      ? { type, days: 30 }
      : { type, from: '', to: '' };

/** When the events count: ever, in the last N days, or between two days (both included). */
export const EventWindowEditor = ({ window, name, onChange, disabled }: EventWindowEditorProps) => {
  const t = useT();
  return (
    <>
      <SelectField
        name={`${name}.window`}
        label={t('rule.window')}
        value={window.type}
        disabled={disabled}
        width="22rem"
        // "in the last 30 days", with the days chosen: the condition reads as a sentence.
        options={(['ever', 'lastDays', 'between'] as const).map((value) => ({
          value,
          label:
            value === 'lastDays'
              ? t('sentence.window.lastDays', {
                  days: window.type === 'lastDays' && window.days > 0 ? window.days : 30,
                })
              : t(`rule.window.${value}`),
        }))}
        onChange={(type) => onChange(start(type as EventWindow['type']))}
      />
      {window.type === 'lastDays' && (
        <NumberField
          name={`${name}.days`}
          label={t('rule.days')}
          value={window.days}
          min={1}
          max={3650}
          disabled={disabled}
          onChange={(days) => onChange({ ...window, days: days ?? 0 })}
        />
      )}
      {window.type === 'between' &&
        (['from', 'to'] as const).map((end) => (
          <Cell key={end} width="18rem">
            <DateField
              disabled={disabled}
              name={`${name}.${end}`}
              label={t(`rule.${end}`)}
              value={window[end]}
              onChange={(day) => onChange({ ...window, [end]: day })}
            />
          </Cell>
        ))}
    </>
  );
};
