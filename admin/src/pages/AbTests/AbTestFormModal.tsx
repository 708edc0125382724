import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import {
  AB_TEST_STATUSES,
  type AbTest,
  type AbTestInput,
  type AbTestStatus,
} from '../../../../contracts/ab-tests';
import { TextField } from '../../components/CustomerForm/TextField';
import { EventTypeField } from '../../components/RuleBuilder/EventTypeField';
import { NumberField, SelectField } from '../../components/RuleBuilder/controls';
import { useT } from '../../hooks/useT';
import { apiErrorMessage, fieldErrorsFromApi, type FieldErrors } from '../../utils/apiErrors';

interface AbTestFormModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The test to edit; none: a new one. */
  test?: AbTest;
  /** Saves; throws the API's error, whose messages the form shows by field. */
  onSave: (input: AbTestInput) => Promise<void>;
}

const initial = (test?: AbTest): AbTestInput => ({
  name: test?.name ?? '',
  status: test?.status ?? 'draft',
  split: test?.split ?? 50,
  conversionEventType: test?.conversionEventType ?? 'Conversion',
});

/** Name, status, split and conversion event of a test; the server's messages per field. */
export const AbTestFormModal = ({ open, onOpenChange, test, onSave }: AbTestFormModalProps) => {
  const t = useT();
  const [values, setValues] = useState<AbTestInput>(() => initial(test));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setValues(initial(test));
      setErrors({});
    }
  }, [open, test]);

  const set = <K extends keyof AbTestInput>(key: K, value: AbTestInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const save = async () => {
    setSaving(true);
    try {
      await onSave(values);
      onOpenChange(false);
    } catch (error) {
      setErrors(
        fieldErrorsFromApi(error) ?? { _form: apiErrorMessage(error) ?? t('notification.error') }
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={onOpenChange}>
      <Modal.Content>
        <Modal.Header closeLabel={t('import.close')}>
          <Modal.Title>{test ? t('abTests.edit') : t('abTests.create')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <TextField
              name="name"
              label={t('abTests.field.name')}
              value={values.name}
              error={errors.name}
              onChange={(name) => set('name', name)}
            />
            <Flex gap={4} alignItems="flex-start" wrap="wrap">
              <SelectField
                name="status"
                label={t('abTests.field.status')}
                value={values.status}
                width="14rem"
                options={AB_TEST_STATUSES.map((s) => ({
                  value: s,
                  label: t(`abTests.status.${s}`),
                }))}
                onChange={(status) => set('status', status as AbTestStatus)}
              />
              <NumberField
                name="split"
                label={t('abTests.field.split')}
                value={values.split}
                min={1}
                max={99}
                onChange={(split) => set('split', split ?? 50)}
              />
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {t('abTests.field.splitHint', { a: values.split, b: 100 - values.split })}
            </Typography>
            <Flex gap={4} alignItems="flex-start" wrap="wrap">
              <EventTypeField
                name="conversion"
                value={values.conversionEventType}
                disabled={false}
                onChange={(type) => set('conversionEventType', type)}
              />
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {t('abTests.field.conversionHint')}
            </Typography>
            {Object.entries(errors)
              .filter(([key]) => key !== 'name')
              .map(([key, message]) => (
                <Typography key={key} variant="pi" textColor="danger600" role="alert">
                  {message}
                </Typography>
              ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={() => onOpenChange(false)}>
            {t('form.cancel')}
          </Button>
          <Button loading={saving} onClick={save}>
            {t('abTests.save')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
