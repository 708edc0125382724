import { Checkbox, Field, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { EXPORT_FIELDS, type ExportField } from '../../../../contracts/exports';
import { useT } from '../../hooks/useT';
import type { ExportScope } from './exportOptions';

interface ExportFormProps {
  fields: Set<ExportField>;
  onFields: (fields: Set<ExportField>) => void;
  scope: ExportScope;
  onScope: (scope: ExportScope) => void;
  /** The list is narrowed by a search or filters: offer "matching customers". */
  filtered: boolean;
  /** How many rows are selected (0: no "selected customers" option). */
  selectedCount: number;
  total: number;
  /** The rows the export would write (undefined: being counted, null: unknown). */
  rows: number | null | undefined;
  error?: string;
}

/** The export's choices: which columns, and which customers. */
export const ExportForm = (props: ExportFormProps) => {
  const { fields, onFields, scope, onScope, filtered, selectedCount, total, rows, error } = props;
  const t = useT();
  const toggle = (field: ExportField) => {
    const next = new Set(fields);
    if (next.has(field)) next.delete(field);
    else next.add(field);
    onFields(next);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Field.Root name="scope">
        <Field.Label>{t('export.scope')}</Field.Label>
        <Radio.Group value={scope} onValueChange={(value: string) => onScope(value as ExportScope)}>
          <Radio.Item value="all">{t('export.scope.all')}</Radio.Item>
          {filtered && (
            <Radio.Item value="filtered">{t('export.scope.filtered', { total })}</Radio.Item>
          )}
          {selectedCount > 0 && (
            <Radio.Item value="selected">
              {t('export.scope.selected', { count: selectedCount })}
            </Radio.Item>
          )}
        </Radio.Group>
        {rows !== null && (
          <Typography variant="pi" textColor="neutral600" paddingTop={2} aria-live="polite">
            {rows === undefined ? t('export.rows.counting') : t('export.rows', { count: rows })}
          </Typography>
        )}
      </Field.Root>
      <Flex tag="fieldset" direction="column" alignItems="stretch" gap={3} style={{ border: 0 }}>
        <Typography tag="legend" variant="sigma" textColor="neutral800">
          {t('export.fields')}
        </Typography>
        <Grid.Root gap={2}>
          {EXPORT_FIELDS.map((field) => (
            <Grid.Item key={field} col={4} s={6} xs={12}>
              <Checkbox checked={fields.has(field)} onCheckedChange={() => toggle(field)}>
                {t(`export.field.${field}`)}
              </Checkbox>
            </Grid.Item>
          ))}
        </Grid.Root>
        {error && (
          <Typography variant="pi" textColor="danger600" role="alert">
            {error}
          </Typography>
        )}
      </Flex>
    </Flex>
  );
};
