import { Flex } from '@strapi/design-system';
import type { EventCondition } from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { NumberField, SelectField } from './controls';
import { EventTargetEditor } from './EventTargetEditor';
import { EventTypeField } from './EventTypeField';
import { EventWindowEditor } from './EventWindowEditor';

interface EventConditionEditorProps {
  condition: EventCondition;
  name: string;
  onChange: (condition: EventCondition) => void;
  disabled: boolean;
}

const COUNT_OPERATORS = ['atLeast', 'atMost', 'exactly'] as const;

/**
 * "Did / did not do event T [on X] at least / at most / exactly N times [ever | in the last N
 * days | between two days]". "Did not" has no count: any such event excludes the customer.
 */
export const EventConditionEditor = ({
  condition,
  name,
  onChange,
  disabled,
}: EventConditionEditorProps) => {
  const t = useT();
  const set = (patch: Partial<EventCondition>) => onChange({ ...condition, ...patch });
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={3} wrap="wrap" alignItems="flex-start">
        <SelectField
          name={`${name}.did`}
          label={t('rule.did')}
          value={condition.did ? 'did' : 'didNot'}
          disabled={disabled}
          width="14rem"
          options={[
            { value: 'did', label: t('rule.did.yes') },
            { value: 'didNot', label: t('rule.did.no') },
          ]}
          onChange={(v) => set({ did: v === 'did' })}
        />
        <EventTypeField
          name={name}
          value={condition.eventType}
          disabled={disabled}
          onChange={(eventType) => set({ eventType })}
        />
      </Flex>
      <EventTargetEditor
        name={name}
        target={condition.target}
        disabled={disabled}
        onChange={(target) => set({ target })}
      />
      <Flex gap={3} wrap="wrap" alignItems="flex-start">
        {condition.did && (
          <>
            <SelectField
              name={`${name}.countOperator`}
              label={t('rule.count')}
              value={condition.count.operator}
              disabled={disabled}
              width="14rem"
              options={COUNT_OPERATORS.map((op) => ({ value: op, label: t(`rule.count.${op}`) }))}
              onChange={(op) =>
                set({
                  count: {
                    ...condition.count,
                    operator: op as EventCondition['count']['operator'],
                  },
                })
              }
            />
            <NumberField
              name={`${name}.countValue`}
              label={t('rule.times')}
              value={condition.count.value}
              disabled={disabled}
              onChange={(value) => set({ count: { ...condition.count, value: value ?? 0 } })}
            />
          </>
        )}
        <EventWindowEditor
          name={name}
          window={condition.window}
          disabled={disabled}
          onChange={(window) => set({ window })}
        />
      </Flex>
    </Flex>
  );
};
