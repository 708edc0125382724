import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { normalizeCountry } from '../../contracts/countries';
import {
  isReferenceId,
  normalizeEmail,
  normalizePhone,
  parseDateOfBirth,
  parseGender,
  parseTerm,
  splitList,
} from '../../contracts/customer-fields';
import { writeCustomersCsv } from '../generate-csv';

const ROWS = 2_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segments-bench-csv-'));
const fileFor = (name: string) => path.join(dir, name);
type Record_ = Record<string, string>;

/** The fields of a record that the import would refuse, checked with the shared field rules. */
const problemsOf = (r: Record_) => {
  const problems: string[] = [];
  if (!normalizeEmail(r.email)) problems.push('email');
  if (r.phone_number && !normalizePhone(r.phone_number)) problems.push('phone_number');
  if (!parseGender(r.gender)) problems.push('gender');
  if (!parseDateOfBirth(r.date_of_birth, new Date('2025-06-01'))) problems.push('date_of_birth');
  if (!normalizeCountry(r.country)) problems.push('country');
  if (!isReferenceId(r.reference_id)) problems.push('reference_id');
  if (splitList(r.terms).some((t) => !parseTerm(t))) problems.push('terms');
  return problems;
};

const read = (file: string) =>
  Papa.parse<Record_>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });

describe('the benchmark customer CSV', () => {
  let records: Record_[];

  before(async () => {
    await writeCustomersCsv(fileFor('a.csv'), { rows: ROWS, seed: 42 });
    records = read(fileFor('a.csv')).data;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has the same bytes for the same seed, and different ones for another seed', async () => {
    await writeCustomersCsv(fileFor('b.csv'), { rows: ROWS, seed: 42 });
    await writeCustomersCsv(fileFor('c.csv'), { rows: ROWS, seed: 43 });
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map((f) => fs.readFileSync(fileFor(f)));
    assert.ok(a.equals(b), 'two files from seed 42 differ');
    assert.ok(!a.equals(c), 'seeds 42 and 43 gave the same file');
  });

  it('starts with the import template header', () => {
    const firstLine = fs.readFileSync(fileFor('a.csv'), 'utf8').split('\n')[0];
    assert.equal(
      firstLine,
      'first_name,last_name,email,phone_number,gender,date_of_birth,street,house_number,zip_code,city,country,job_title,reference_id,tags,terms'
    );
  });

  it('reads back with papaparse as one record of 15 fields per customer', () => {
    const parsed = read(fileFor('a.csv'));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.data.length, ROWS);
    assert.ok(parsed.data.every((r) => Object.keys(r).length === 15));
  });

  it('writes tags and terms as quoted comma-separated lists, terms as date:TermID', () => {
    const lines = fs.readFileSync(fileFor('a.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const unquoted = lines.filter((line) => !/,("[^"]+")?,("[^"]+")?$/.test(line));
    assert.deepEqual(unquoted.slice(0, 3), [], 'tags and terms not in quotes');
    const withTerms = records.filter((r) => r.terms);
    assert.ok(withTerms.length > ROWS / 3);
    assert.ok(withTerms.some((r) => splitList(r.terms).length > 1));
    const valid = withTerms.filter((r) => problemsOf(r).length === 0);
    assert.ok(
      valid.every((r) => splitList(r.terms).every((t) => /^\d{4}-\d\d-\d\d:[a-z-]+$/.test(t)))
    );
  });

  it('writes genders as F/M/O and dates of birth as yyyy-mm-dd and dd-mm-yyyy alike', () => {
    const valid = records.filter((r) => problemsOf(r).length === 0);
    assert.deepEqual([...new Set(valid.map((r) => r.gender))].sort(), ['F', 'M', 'O']);
    const iso = valid.filter((r) => /^\d{4}-\d\d-\d\d$/.test(r.date_of_birth)).length;
    const dayFirst = valid.filter((r) => /^\d\d-\d\d-\d{4}$/.test(r.date_of_birth)).length;
    assert.equal(iso + dayFirst, valid.length);
    assert.ok(Math.abs(iso - dayFirst) < valid.length * 0.1, `${iso} iso vs ${dayFirst} day-first`);
  });

  it('repeats an earlier row’s email in about 5% of rows, sometimes in another letter case', () => {
    const seen = new Set<string>();
    let repeats = 0;
    let recased = 0;
    const original = new Map<string, string>();
    for (const r of records) {
      const key = r.email.toLowerCase();
      if (seen.has(key)) {
        repeats += 1;
        if (original.get(key) !== r.email) recased += 1;
      } else original.set(key, r.email);
      seen.add(key);
    }
    assert.ok(repeats >= ROWS * 0.045 && repeats <= ROWS * 0.055, `${repeats} repeated emails`);
    assert.ok(
      recased > repeats * 0.2 && recased < repeats * 0.8,
      `${recased} of ${repeats} recased`
    );
  });

  it('makes about 2% of rows invalid, each in exactly one field the import checks', () => {
    const invalid = records.map(problemsOf).filter((p) => p.length > 0);
    assert.ok(
      invalid.length >= ROWS * 0.015 && invalid.length <= ROWS * 0.025,
      `${invalid.length} invalid`
    );
    assert.ok(
      invalid.every((p) => p.length === 1),
      JSON.stringify(invalid.filter((p) => p.length > 1))
    );
    const fields = new Set(invalid.flat());
    for (const field of ['email', 'date_of_birth', 'country', 'reference_id']) {
      assert.ok(fields.has(field), `no row with an invalid ${field}`);
    }
  });

  it('gives every customer a unique reference id and email, apart from the repeats', () => {
    const valid = records.filter((r) => problemsOf(r).length === 0);
    const emails = new Set<string>();
    const firstOfEmail = valid.filter((r) => {
      const key = r.email.toLowerCase();
      return !emails.has(key) && Boolean(emails.add(key));
    });
    assert.ok(firstOfEmail.length > ROWS * 0.9, `${firstOfEmail.length} distinct emails`);
    const refs = new Set(firstOfEmail.map((r) => r.reference_id));
    assert.equal(refs.size, firstOfEmail.length);
  });
});
