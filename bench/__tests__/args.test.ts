import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FULL, parseBenchArgs, QUICK } from '../lib/args';

const NAMES = ['generate-csv', 'insert-customers', 'customer-search-email'];

describe('npm run bench flags', () => {
  it('runs every scenario 3 times on both engines at full size when given no flag', () => {
    assert.deepEqual(parseBenchArgs([], NAMES), {
      quick: false,
      customers: FULL.customers,
      events: FULL.events,
      engines: ['sqlite', 'postgres'],
      only: [],
      runs: 3,
    });
  });

  it('uses the small quick sizes with --quick, unless --customers or --events say otherwise', () => {
    const quick = parseBenchArgs(['--quick'], NAMES);
    assert.equal(quick.customers, QUICK.customers);
    assert.equal(quick.events, QUICK.events);
    assert.ok(QUICK.customers < FULL.customers && QUICK.events < FULL.events);
    const sized = parseBenchArgs(
      ['--quick', '--customers', '200_000', '--events=2,000,000'],
      NAMES
    );
    assert.equal(sized.customers, 200_000);
    assert.equal(sized.events, 2_000_000);
  });

  it('runs one engine with --engine and the named scenarios with --only', () => {
    const options = parseBenchArgs(
      ['--engine', 'sqlite', '--only', 'generate-csv, customer-search-email', '--runs', '1'],
      NAMES
    );
    assert.deepEqual(options.engines, ['sqlite']);
    assert.deepEqual(options.only, ['generate-csv', 'customer-search-email']);
    assert.equal(options.runs, 1);
  });

  it('refuses an unknown scenario, engine, flag or a run count of zero, naming the problem', () => {
    assert.throws(() => parseBenchArgs(['--only', 'insert-customer'], NAMES), /insert-customer;/);
    assert.throws(() => parseBenchArgs(['--engine', 'mysql'], NAMES), /--engine/);
    assert.throws(() => parseBenchArgs(['--fast'], NAMES), /--fast/);
    assert.throws(() => parseBenchArgs(['--runs', '0'], NAMES), /--runs/);
  });
});
