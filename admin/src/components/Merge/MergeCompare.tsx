import { Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { Customer } from '../../../../contracts/customers';
import { useT, type Translate } from '../../hooks/useT';
import {
  MULTI_FIELDS,
  SINGLE_FIELDS,
  mergePreview,
  multiValues,
  type SingleField,
} from '../../utils/mergePreview';

interface MergeCompareProps {
  main: Customer;
  other: Customer;
  /** What to call each (see mergeLabels). */
  labels: { main: string; other: string };
}

const show = (t: Translate, field: SingleField, value: string | null) =>
  value === null || value.trim() === ''
    ? '—'
    : field === 'gender'
      ? t(`gender.${value as 'female' | 'male' | 'other'}`)
      : value;

const list = (values: string[]) => (values.length > 0 ? values.join(', ') : '—');

/** The two customers side by side, and what the merged profile will hold (changes in bold). */
export const MergeCompare = ({ main, other, labels }: MergeCompareProps) => {
  const t = useT();
  const preview = mergePreview(main, other);
  const cell = (text: string, changed: boolean) => (
    <Typography
      textColor={changed ? 'success700' : 'neutral800'}
      fontWeight={changed ? 'bold' : undefined}
    >
      {text}
    </Typography>
  );
  return (
    <Table colCount={4} rowCount={SINGLE_FIELDS.length + MULTI_FIELDS.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <VisuallyHidden>{t('merge.compare.field')}</VisuallyHidden>
          </Th>
          <Th>{t('merge.compare.main', { name: labels.main })}</Th>
          <Th>{t('merge.compare.other', { name: labels.other })}</Th>
          <Th>{t('merge.compare.result')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {SINGLE_FIELDS.map((field) => (
          <Tr key={field}>
            <Th>{t(`customer.${field}`)}</Th>
            <Td>{cell(show(t, field, main[field]), false)}</Td>
            <Td>{cell(show(t, field, other[field]), false)}</Td>
            <Td>
              {cell(show(t, field, preview.single[field].value), preview.single[field].filled)}
            </Td>
          </Tr>
        ))}
        {MULTI_FIELDS.map((field) => (
          <Tr key={field}>
            <Th>{t(`customer.${field}`)}</Th>
            <Td>{cell(list(multiValues(main, field)), false)}</Td>
            <Td>{cell(list(multiValues(other, field)), false)}</Td>
            <Td>{cell(list(preview.multi[field].value), preview.multi[field].added.length > 0)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
