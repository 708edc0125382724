import { col, type CsvRow } from './template';

/** A way a template row can be wrong: each breaks exactly one field, as a validator sees it. */
export interface Defect {
  name: string;
  apply: (row: CsvRow) => void;
}

const yearOf = (date: string) => /\d{4}/.exec(date)?.[0] ?? '1980';

/** The defects of invalid rows, used in turn so that every kind appears in a large file. */
export const DEFECTS: readonly Defect[] = [
  {
    name: 'bad email',
    apply: (row) => void (row[col('email')] = row[col('email')].replace('@', ' at ')),
  },
  {
    name: 'impossible date',
    apply: (row) => void (row[col('date_of_birth')] = `30-02-${yearOf(row[col('date_of_birth')])}`),
  },
  { name: 'unknown country', apply: (row) => void (row[col('country')] = 'Atlantis') },
  {
    name: 'non-alphanumeric reference id',
    apply: (row) =>
      void (row[col('reference_id')] = row[col('reference_id')].replace('CRM', 'CRM-')),
  },
  { name: 'unknown gender', apply: (row) => void (row[col('gender')] = 'X') },
  { name: 'impossible term date', apply: (row) => void (row[col('terms')] = '2024-13-01:privacy') },
  { name: 'phone too short', apply: (row) => void (row[col('phone_number')] = '12345') },
];
