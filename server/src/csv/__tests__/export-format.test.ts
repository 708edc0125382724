import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { csvLine, neutralise } from '../export-format';

describe('export CSV records', () => {
  it('quotes only cells that need it, and a CSV parser reads every cell back', () => {
    const cells = [
      'plain',
      'a,b',
      'say "hi"',
      'two\nlines',
      'cr\rhere',
      ' edge',
      'end ',
      '',
      'Zoë',
    ];
    const line = csvLine(cells);
    assert.equal(line, 'plain,"a,b","say ""hi""","two\nlines","cr\rhere"," edge","end ",,Zoë\r\n');
    assert.deepEqual(Papa.parse(line.slice(0, -2)).data[0], cells);
  });

  it('a neutralised formula stays one cell', () => {
    const line = csvLine([neutralise('=HYPERLINK("http://x","y")'), 'next']);
    assert.deepEqual(Papa.parse(line.slice(0, -2)).data[0], [
      `'=HYPERLINK("http://x","y")`,
      'next',
    ]);
  });
});
