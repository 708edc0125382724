import { Field, Flex, Grid, NumberInput, Radio, Toggle } from '@strapi/design-system';
import type { RetentionSettings } from '../../../../contracts/retention';
import { useT } from '../../hooks/useT';
import type { FieldErrors } from '../../utils/apiErrors';
import { ExemptPickers } from './ExemptPickers';

interface RetentionFieldsProps {
  value: RetentionSettings;
  onChange: (change: Partial<RetentionSettings>) => void;
  errors: FieldErrors;
  disabled: boolean;
}

/** The retention rule: on/off, after how many days, anonymize or delete, and who is exempt. */
export const RetentionFields = ({ value, onChange, errors, disabled }: RetentionFieldsProps) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Grid.Root gap={6}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="enabled" hint={t('retention.enabled.hint')}>
            <Field.Label>{t('retention.enabled')}</Field.Label>
            <Toggle
              checked={value.enabled}
              disabled={disabled}
              onLabel={t('retention.on')}
              offLabel={t('retention.off')}
              onChange={(e) => onChange({ enabled: e.target.checked })}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="days" hint={t('retention.days.hint')} error={errors.days} required>
            <Field.Label>{t('retention.days')}</Field.Label>
            <NumberInput
              value={value.days}
              disabled={disabled}
              onValueChange={(days) => onChange({ days: days ?? 0 })}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="action" error={errors.action}>
            <Field.Label>{t('retention.action')}</Field.Label>
            <Radio.Group
              value={value.action}
              disabled={disabled}
              onValueChange={(action: string) =>
                onChange({ action: action === 'delete' ? 'delete' : 'anonymize' })
              }
            >
              <Radio.Item value="anonymize">{t('retention.action.anonymize')}</Radio.Item>
              <Radio.Item value="delete">{t('retention.action.delete')}</Radio.Item>
            </Radio.Group>
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <ExemptPickers value={value} onChange={onChange} errors={errors} disabled={disabled} />
    </Flex>
  );
};
