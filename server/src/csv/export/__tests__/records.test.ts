import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportField } from '../../../../../contracts/exports';
import { copyBytesTransformer } from '../copy-bytes';
import { copyTextDecoder, copyTextLines, copyTextRow } from '../copy-text';
import { csvLine } from '../../cells';
import { cellsOf, isoOfTimestampText, recordWriter, type CellKind } from '../format';
import { beginSqliteExportRead } from '../../../database/export-read';
import { segmentNamer } from '../segment-names';

/** A value as PostgreSQL's COPY text format writes it. */
const copyText = (value: string | null) =>
  value === null
    ? '\\N'
    : value.replace(/[\\\b\f\n\r\t\v]/g, (c) => {
        const letters: Record<string, string> = {
          '\\': '\\\\',
          '\b': '\\b',
          '\f': '\\f',
          '\n': '\\n',
          '\r': '\\r',
          '\t': '\\t',
          '\v': '\\v',
        };
        return letters[c];
      });

const PIECES = [
  'a',
  'Jan',
  'Zoë',
  'vries',
  ' ',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  ',',
  ', ',
  '"',
  '\\',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\b',
  '\x01',
  '=',
  '+',
  '-',
  '@',
  "'",
  'é',
  '日本',
  '\u{1f600}',
  '1',
];

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SEGMENTS = [
  { id: 7, segment_id: 'women' },
  { id: 3, segment_id: 'vip' },
  { id: 12, segment_id: '=formula' },
  { id: 5, segment_id: 'b2b, eu' },
];

/** Timestamps as PostgreSQL writes them (DateStyle ISO), down to a year past 9999. */
const PG_TIMESTAMPS = [
  '2026-11-05 18:36:06.664123',
  '2026-11-05 18:36:06.66',
  '2026-11-05 18:36:06.6',
  '2026-11-05 18:36:06',
  '1999-12-31 23:59:59.999999',
  '10000-01-01 00:00:00',
];

describe('export CSV records from raw rows', () => {
  it('writes PostgreSQL timestamps in UTC as ISO 8601 with milliseconds, as a Date would be', () => {
    assert.equal(isoOfTimestampText('2026-11-05 18:36:06.664123'), '2026-11-05T18:36:06.664Z');
    assert.equal(isoOfTimestampText('2026-11-05 18:36:06'), '2026-11-05T18:36:06.000Z');
    assert.equal(isoOfTimestampText('2026-11-05 18:36:06.5'), '2026-11-05T18:36:06.500Z');
    for (const text of PG_TIMESTAMPS.slice(0, 5)) {
      const date = new Date(`${text.replace(' ', 'T').slice(0, 23)}Z`);
      assert.equal(isoOfTimestampText(text), date.toISOString());
    }
    assert.equal(isoOfTimestampText('10000-01-01 00:00:00'), '+010000-01-01T00:00:00.000Z');
  });

  it('writes what csvLine(cellOf) writes, for text, dates and datetimes as SQLite returns them', () => {
    const fields: ExportField[] = ['firstName', 'jobTitle', 'dateOfBirth', 'createdAt', 'emails'];
    const kinds: CellKind[] = ['text', 'text', 'date', 'datetime', 'split'];
    const rows: unknown[][] = [
      ['Zoë', '=HYPERLINK("x")', '1998-11-13', 1793903733811, 'a@x.nl, b@y.nl'],
      [null, '', null, null, null],
      [' edge', '-1+1', 'odd, date', '2026-01-02T03:04:05.006Z', '\tx'],
      ['@home', 'a\r\nb', 880502400000, 'not a date', '+31'],
    ];
    const record = recordWriter(kinds);
    for (const row of rows) {
      const named = Object.fromEntries(fields.map((f, i) => [f, row[i]]));
      assert.equal(record(row), csvLine(fields.flatMap((f) => cellsOf(named, f))));
    }
  });

  it('writes a multi-valued field the import reads one value of as its first value and the others', () => {
    const record = recordWriter(['text', 'split']);
    assert.equal(
      record(['Jan', 'jan@x.nl, jan@y.nl, jan@z.nl']),
      'Jan,jan@x.nl,"jan@y.nl, jan@z.nl"\r\n'
    );
    assert.equal(record(['Jan', 'jan@x.nl']), 'Jan,jan@x.nl,\r\n');
    assert.equal(record(['Jan', null]), 'Jan,,\r\n');
    assert.equal(record(['Jan', '+31612345678']), "Jan,'+31612345678,\r\n");
  });

  it('names segments from row ids in the order given, skipping unknown ids', () => {
    const names = segmentNamer(
      [...SEGMENTS].sort((a, b) => (a.segment_id < b.segment_id ? -1 : 1))
    );
    assert.equal(names('7,3'), 'vip, women');
    assert.equal(names('5,12,99'), '=formula, b2b, eu');
    assert.equal(names(null), null);
    assert.equal(recordWriter(['segments'], names)(['12']), `'=formula\r\n`);
  });

  it('turns COPY text lines into the same bytes with and without strings per value', () => {
    const next = random(42);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const kinds: CellKind[] = [
      'text',
      'text',
      'formatted',
      'segments',
      'text',
      'text',
      'timestamp',
      'split',
    ];
    const names = segmentNamer(SEGMENTS);
    const value = () => {
      if (next() < 0.15) return null;
      let text = '';
      const n = Math.floor(next() * 5);
      for (let i = 0; i < n; i++) text += pick(PIECES);
      return text;
    };
    const rows = Array.from({ length: 5000 }, () => [
      value(),
      value(),
      next() < 0.2 ? null : '2026-11-05T18:36:06.664Z',
      next() < 0.3 ? null : pick(['3', '7,3', '5,12', '99', '12,7,5,3']),
      value(),
      pick(['plain', 'with, comma', '=1+2', 'x ', 'ab"c', '']),
      next() < 0.2 ? null : pick(PG_TIMESTAMPS),
      next() < 0.2 ? null : pick(['a@x.nl', 'a@x.nl, b@y.nl', '', '+31, 32, 33', 'é@x.nl, "q"']),
    ]);
    const lines = rows.map((r) => r.map(copyText).join('\t'));
    assert.deepEqual(copyTextRow(lines[0]), rows[0]);
    const input = Buffer.from(`${lines.join('\n')}\n`);
    const expected = rows.map(recordWriter(kinds, names)).join('');

    // Fed in small chunks, so that lines and UTF-8 characters are cut across chunks.
    for (const lines of [
      copyTextLines(recordWriter(kinds, names)),
      copyBytesTransformer(kinds, names),
    ]) {
      const decoder = copyTextDecoder(lines);
      const out: Buffer[] = [];
      let count = 0;
      for (let i = 0; i < input.length; i += 997) {
        const chunk = decoder.push(input.subarray(i, i + 997));
        if (chunk) {
          out.push(Buffer.from(chunk.text));
          count += chunk.rows;
        }
      }
      decoder.end();
      assert.equal(count, rows.length);
      assert.equal(Buffer.concat(out).toString('utf8'), expected);
    }
  });

  it('refuses COPY output that ends inside a row', () => {
    const decoder = copyTextDecoder(copyBytesTransformer(['text']));
    decoder.push(Buffer.from('a\nb'));
    assert.throws(() => decoder.end(), /ended inside a row/);
  });
});

describe('a SQLite export read', () => {
  it('holds a 2 MB page cache, not the 16 MB a connection has by default, in one transaction', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3');
    const db = new Database(':memory:');
    try {
      assert.equal(db.pragma('cache_size', { simple: true }), -16000);
      beginSqliteExportRead(db);
      assert.equal(db.pragma('cache_size', { simple: true }), -2000);
      assert.equal(db.inTransaction, true);
    } finally {
      db.close();
    }
  });
});
