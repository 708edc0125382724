import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTES_MARKER, notesOf, renderReport, type ReportInput } from '../lib/report';

const input: ReportInput = {
  env: {
    date: '2025-06-01 12:00 UTC',
    cpu: 'Test CPU',
    cores: 2,
    memoryGb: 4,
    node: 'v20.0.0',
    strapi: '5.54.0',
    betterSqlite3: '12.8.0',
    sqlite: '3.49.0',
    loadAtStart: 0.5,
  },
  postgres: 'PostgreSQL 15.18',
  customers: 20_000,
  events: 100_000,
  runs: 3,
  command: 'npm run bench -- --quick',
  commit: 'abc1234',
  seconds: 95,
  buildSeconds: 7,
  loadAtEnd: 1.5,
  scenarios: [],
  tables: [
    {
      engine: 'sqlite',
      rows: [
        { name: 'insert-customers', median: 12_345, unit: 'rows/s', detail: 'd', peakRssMb: 300 },
      ],
    },
    { engine: 'postgres', skipped: 'skipped: no PostgreSQL at 127.0.0.1:54329', rows: [] },
  ],
};

describe('docs/benchmarks.md', () => {
  it('names the commit it measured, so a figure can be traced to its code', () => {
    assert.match(renderReport(input, notesOf(null)), /\| Commit \| abc1234 \|/);
  });

  it('keeps what people wrote below the notes marker when the figures are rewritten', () => {
    const old = `# Benchmarks\nold figures\n\n${NOTES_MARKER}\n## Notes\n\nA 1M run took 40 s.\n`;
    const report = renderReport(input, notesOf(old));
    assert.ok(report.endsWith(`${NOTES_MARKER}\n## Notes\n\nA 1M run took 40 s.\n`));
    assert.ok(!report.includes('old figures'));
    assert.equal(report.split(NOTES_MARKER).length, 2);
  });

  it('says above the tables which run they are: engines, date, load, size, and where newer notes are', () => {
    const [head] = renderReport(input, notesOf(null)).split('## SQLite');
    const plain = head.replace(/\s+/g, ' ');
    assert.match(plain, /one run, not the current state:\*\* SQLite only, on 2025-06-01 12:00 UTC/);
    assert.match(plain, /a quiet machine \(load average up to 1\.50 on 2 cores\)/);
    assert.match(plain, /20,000 customers and 100,000 events \(below the targets' size/);
    assert.match(plain, /session notes under \[Notes\]\(#notes\)/);
    const big = renderReport(
      { ...input, customers: 1_000_000, events: 10_000_000, loadAtEnd: 6 },
      notesOf(null)
    ).replace(/\s+/g, ' ');
    assert.match(big, /a loaded machine .* \(the targets' size\)/);
  });

  it('starts a notes section when the file is new', () => {
    assert.ok(renderReport(input, notesOf(null)).includes(`${NOTES_MARKER}\n## Notes`));
  });

  it('says the CPU was shared only when the load average exceeded the cores', () => {
    assert.match(renderReport(input, notesOf(null)), /at end \(at most 2 at start and end/);
    const busy = renderReport({ ...input, loadAtEnd: 3.2 }, notesOf(null));
    assert.match(busy, /3\.20 at end \(above 2: other processes competed for the CPU\)/);
  });

  it('states N, M, the versions and the exact command in its header', () => {
    const report = renderReport(input, notesOf(null));
    for (const text of [
      '20,000',
      '100,000',
      'Strapi | 5.54.0',
      'PostgreSQL 15.18',
      '`npm run bench -- --quick`',
    ]) {
      assert.ok(report.includes(text), text);
    }
  });

  it('has a table per engine, and says why an engine was skipped instead of failing', () => {
    const report = renderReport(input, notesOf(null));
    assert.match(
      report,
      /## SQLite\n[\s\S]*\| insert-customers \| 12,345 \| rows\/s \| d \| 300 \|/
    );
    assert.match(report, /## PostgreSQL\n[\s\S]*skipped: no PostgreSQL at 127\.0\.0\.1:54329/);
  });
});
