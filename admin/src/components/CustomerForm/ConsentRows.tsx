import { Box, Flex } from '@strapi/design-system';
import type { FieldErrors } from '../../utils/apiErrors';
import { DateField } from './DateField';
import { RowsFieldset } from './RowsFieldset';
import { TextField } from './TextField';

interface Labels {
  legend: string;
  hint?: string;
  name: (position: number) => string;
  date: (position: number) => string;
  add: string;
  remove: (position: number) => string;
}

interface ConsentRowsProps<Row, N extends keyof Row & string, D extends keyof Row & string> {
  /** The form field: `subscriptions` or `terms`. */
  field: string;
  rows: Row[];
  /** The row's text key (`subscription`, `termId`) and date key (`subscribedAt`, `givenAt`). */
  nameKey: N;
  dateKey: D;
  empty: Row;
  labels: Labels;
  errors: FieldErrors;
  onChange: (rows: Row[]) => void;
}

/** Rows of a name and the day it was given: subscriptions, terms consented to. */
export const ConsentRows = <
  Row extends Record<N | D, string>,
  N extends keyof Row & string,
  D extends keyof Row & string,
>({
  field,
  rows,
  nameKey,
  dateKey,
  empty,
  labels,
  errors,
  onChange,
}: ConsentRowsProps<Row, N, D>) => {
  const update = (index: number, key: N | D, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <RowsFieldset
      legend={labels.legend}
      hint={labels.hint}
      error={errors[field]}
      count={rows.length}
      addLabel={labels.add}
      onAdd={() => onChange([...rows, { ...empty }])}
      removeLabel={(index) => labels.remove(index + 1)}
      onRemove={(index) => onChange(rows.filter((_, i) => i !== index))}
      renderRow={(index) => (
        <Flex gap={2} alignItems="flex-start" wrap="wrap">
          <Box flex="2" minWidth="16rem">
            <TextField
              name={`${field}.${index}.${nameKey}`}
              label={labels.name(index + 1)}
              value={rows[index][nameKey]}
              error={errors[`${field}.${index}.${nameKey}`] ?? errors[`${field}.${index}`]}
              onChange={(value) => update(index, nameKey, value)}
            />
          </Box>
          <Box flex="1" minWidth="16rem">
            <DateField
              name={`${field}.${index}.${dateKey}`}
              label={labels.date(index + 1)}
              value={rows[index][dateKey]}
              error={errors[`${field}.${index}.${dateKey}`]}
              onChange={(value) => update(index, dateKey, value)}
            />
          </Box>
        </Flex>
      )}
    />
  );
};
