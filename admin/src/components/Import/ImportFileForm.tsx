import { Button, Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../hooks/useT';
import { useImportApi } from '../../services/imports';
import { apiErrorMessage } from '../../utils/apiErrors';
import { fileSizeParts } from '../../utils/importProgress';
import { FileDropZone } from './FileDropZone';

interface ImportFileFormProps {
  file: File | null;
  onFile: (file: File | null) => void;
  dryRun: boolean;
  onDryRun: (dryRun: boolean) => void;
  error?: string;
}

/** The first step of an import: the template to start from, the CSV file, and "dry run first". */
export const ImportFileForm = ({ file, onFile, dryRun, onDryRun, error }: ImportFileFormProps) => {
  const t = useT();
  const id = useId();
  const { formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useImportApi();
  const size = file ? fileSizeParts(file.size) : null;

  const template = async () => {
    try {
      await api.downloadTemplate();
    } catch (failure) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Typography textColor="neutral800">{t('import.intro')}</Typography>
      <Flex gap={3} wrap="wrap">
        <Button variant="secondary" startIcon={<Download />} onClick={template}>
          {t('import.template')}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {t('import.template.hint')}
        </Typography>
      </Flex>
      <Field.Root id={id} name="file" error={error} hint={t('import.file.hint')}>
        <Field.Label>{t('import.file')}</Field.Label>
        <FileDropZone
          id={id}
          describedBy={`${id}-hint${error ? ` ${id}-error` : ''}`}
          invalid={Boolean(error)}
          chosen={
            file && size
              ? t('import.file.chosen', {
                  name: file.name,
                  size: formatNumber(size.value, {
                    style: 'unit',
                    unit: size.unit,
                    unitDisplay: 'short',
                  }),
                })
              : undefined
          }
          onFile={onFile}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Checkbox checked={dryRun} onCheckedChange={(checked) => onDryRun(checked === true)}>
        {t('import.dryRun')}
      </Checkbox>
    </Flex>
  );
};
