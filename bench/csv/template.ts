import { TEMPLATE_COLUMNS } from '../../contracts/imports';
import type { GeneratedCustomer } from '../../demo/generate';

/** The columns of the customer import template, in the order the import expects them. */
export const CSV_HEADER = TEMPLATE_COLUMNS;

export type CsvColumn = (typeof CSV_HEADER)[number];

/** One data row of the template: a string per column, in header order. */
export type CsvRow = string[];

/** The position of a template column in a row. */
export const col = (name: CsvColumn): number => CSV_HEADER.indexOf(name);

/** Columns holding a comma-separated list, always written inside quotes. */
export const LIST_COLUMNS: readonly number[] = [col('tags'), col('terms')];

const GENDER_CODE = { female: 'F', male: 'M', other: 'O' } as const;

/** yyyy-mm-dd written as dd-mm-yyyy. */
const dayFirst = (isoDay: string) => isoDay.split('-').reverse().join('-');

/**
 * A generated customer as a template row. The row index alternates the date of birth between
 * yyyy-mm-dd and dd-mm-yyyy and writes a third of the phone numbers with a leading `+`, as
 * exports from different tools do.
 */
export const toCsvRow = (c: GeneratedCustomer, index: number): CsvRow => {
  const phone = c.phones[0] ?? '';
  return [
    c.firstName,
    c.lastName,
    c.emails[0] ?? '',
    phone && index % 3 === 0 ? `+${phone}` : phone,
    GENDER_CODE[c.gender],
    index % 2 === 0 ? c.dateOfBirth : dayFirst(c.dateOfBirth),
    c.street,
    c.houseNumber,
    c.zipCode,
    c.city,
    c.country,
    c.jobTitle ?? '',
    c.referenceId,
    c.tags.join(','),
    c.terms.map((t) => `${t.givenAt}:${t.termId}`).join(','),
  ];
};
