import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CUSTOMER_FIELDS,
  EXTRA_PREFIX,
  fieldsWhere,
  PERSONAL_CHILD_TABLES,
  PERSONAL_COLUMNS,
} from '../customer-schema';
import { EXPORT_FIELDS, exportTitles } from '../exports';
import { IMPORT_COLUMNS } from '../imports';
import type { CustomerField } from '../customer-schema';

const field = (name: string) =>
  CUSTOMER_FIELDS[name as keyof typeof CUSTOMER_FIELDS] as CustomerField;

describe('the customer schema', () => {
  it('names every column of the import template once, in the template order', () => {
    const titles = fieldsWhere((f) => f.importTitle !== undefined).map((n) => field(n).importTitle);
    assert.deepEqual([...titles].sort(), [...IMPORT_COLUMNS].sort());
    assert.equal(new Set(titles).size, titles.length);
  });

  it('gives an export the template titles for what the import reads, and extra_ titles for the rest', () => {
    const header = EXPORT_FIELDS.flatMap(exportTitles);
    assert.equal(new Set(header).size, header.length, 'no title twice');
    for (const title of header) {
      assert.ok(
        (IMPORT_COLUMNS as readonly string[]).includes(title) || title.startsWith(EXTRA_PREFIX),
        `${title} is neither a template column nor extra`
      );
    }
    for (const name of EXPORT_FIELDS) {
      if (name === 'segments') continue;
      const { importTitle } = field(name);
      if (importTitle) assert.equal(exportTitles(name)[0], importTitle);
    }
  });

  it('marks every profile value and list as personal, and the bookkeeping columns not', () => {
    assert.ok(PERSONAL_COLUMNS.includes('first_name'));
    assert.ok(PERSONAL_COLUMNS.includes('reference_id'));
    assert.ok(!PERSONAL_COLUMNS.includes('created_at'));
    assert.equal(PERSONAL_CHILD_TABLES.length, fieldsWhere((f) => 'child' in f).length);
  });
});
