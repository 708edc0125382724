import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ALIASES, COUNTRIES, normalizeCountry } from '../countries';

describe('country list', () => {
  it('holds every ISO 3166-1 country and territory (249 names)', () => {
    assert.equal(COUNTRIES.length, 249);
  });

  it('canonical names are unique, also when case and accents are ignored', () => {
    const fold = (name: string) =>
      name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
    assert.equal(new Set(COUNTRIES).size, COUNTRIES.length);
    assert.equal(new Set(COUNTRIES.map(fold)).size, COUNTRIES.length);
  });

  it('is sorted alphabetically', () => {
    const sorted = [...COUNTRIES].sort((a, b) => a.localeCompare(b, 'en'));
    assert.deepEqual(COUNTRIES, sorted);
  });

  it('names are tidy: trimmed, single-spaced, capitalised, without a ", the" suffix', () => {
    for (const name of COUNTRIES) {
      assert.equal(name, name.trim().replace(/\s+/g, ' '), name);
      assert.match(name, /^[A-ZÅÉÔÖÜ]/u, name);
      assert.doesNotMatch(name, /, the$|\(the\)$/i, name);
    }
  });

  it('uses the common English names', () => {
    for (const name of [
      'Netherlands',
      'United Kingdom',
      'United States',
      'South Korea',
      'North Korea',
      'Russia',
      'Czechia',
      "Côte d'Ivoire",
      'Bolivia',
      'Iran',
      'Vietnam',
      'Syria',
      'Tanzania',
      'Venezuela',
      'Laos',
      'Moldova',
      'Taiwan',
      'Palestine',
      'Vatican City',
      'Bahamas',
      'Gambia',
    ]) {
      assert.ok(COUNTRIES.includes(name), `${name} is missing`);
    }
  });

  it('cannot be changed at run time', () => {
    assert.throws(() => (COUNTRIES as string[]).push('Atlantis'));
    assert.ok(!COUNTRIES.includes('Atlantis'));
  });
});

describe('aliases', () => {
  it('every alias points at a canonical name', () => {
    for (const [alias, name] of Object.entries(ALIASES)) {
      assert.ok(COUNTRIES.includes(name), `${alias} -> ${name} is not a canonical name`);
    }
  });

  it('every alias is written in lower case and resolves to its own country', () => {
    for (const [alias, name] of Object.entries(ALIASES)) {
      assert.equal(alias, alias.toLowerCase(), alias);
      assert.equal(normalizeCountry(alias), name, alias);
      assert.equal(normalizeCountry(alias.toUpperCase()), name, alias.toUpperCase());
    }
  });

  it('no alias hides a canonical name: each canonical name comes back unchanged', () => {
    for (const name of COUNTRIES) {
      assert.equal(normalizeCountry(name), name);
      assert.equal(normalizeCountry(name.toLowerCase()), name);
      assert.equal(normalizeCountry(name.toUpperCase()), name);
    }
  });
});

describe('normalizeCountry', () => {
  it("'The Netherlands' and 'netherlands' both become 'Netherlands'", () => {
    assert.equal(normalizeCountry('The Netherlands'), 'Netherlands');
    assert.equal(normalizeCountry('netherlands'), 'Netherlands');
    assert.equal(normalizeCountry('Holland'), 'Netherlands');
  });

  it("'USA', 'US' and 'United States of America' all become 'United States'", () => {
    for (const input of ['USA', 'US', 'u.s.a.', 'United States of America', 'the United States']) {
      assert.equal(normalizeCountry(input), 'United States', input);
    }
  });

  it("'UK', 'Great Britain' and the full name all become 'United Kingdom'", () => {
    for (const input of [
      'UK',
      'U.K.',
      'Great Britain',
      'United Kingdom of Great Britain and Northern Ireland',
    ]) {
      assert.equal(normalizeCountry(input), 'United Kingdom', input);
    }
  });

  it('ISO long forms become the short name', () => {
    const cases: Array<[string, string]> = [
      ['Russian Federation', 'Russia'],
      ['Korea, Republic of', 'South Korea'],
      ['Republic of Korea', 'South Korea'],
      ["Korea, Democratic People's Republic of", 'North Korea'],
      ['Czech Republic', 'Czechia'],
      ['Viet Nam', 'Vietnam'],
      ['Iran, Islamic Republic of', 'Iran'],
      ['Syrian Arab Republic', 'Syria'],
      ["Lao People's Democratic Republic", 'Laos'],
      ['Holy See', 'Vatican City'],
      ['Bolivia (Plurinational State of)', 'Bolivia'],
      ['Tanzania, United Republic of', 'Tanzania'],
      ['Taiwan, Province of China', 'Taiwan'],
      ['State of Palestine', 'Palestine'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(normalizeCountry(input), expected, input);
    }
  });

  it('former and popular names become the current name', () => {
    const cases: Array<[string, string]> = [
      ['Burma', 'Myanmar'],
      ['Swaziland', 'Eswatini'],
      ['Macedonia', 'North Macedonia'],
      ['Cape Verde', 'Cabo Verde'],
      ['East Timor', 'Timor-Leste'],
      ['Turkey', 'Türkiye'],
      ['Ivory Coast', "Côte d'Ivoire"],
    ];
    for (const [input, expected] of cases) {
      assert.equal(normalizeCountry(input), expected, input);
    }
  });

  it("a leading 'the' or a trailing ', the' is accepted for any country", () => {
    assert.equal(normalizeCountry('The Bahamas'), 'Bahamas');
    assert.equal(normalizeCountry('the gambia'), 'Gambia');
    assert.equal(normalizeCountry('Gambia, The'), 'Gambia');
    assert.equal(normalizeCountry('Philippines (the)'), 'Philippines');
    for (const name of COUNTRIES) {
      assert.equal(normalizeCountry(`the ${name}`), name, `the ${name}`);
    }
  });

  it('accents do not matter', () => {
    assert.equal(normalizeCountry("Cote d'Ivoire"), "Côte d'Ivoire");
    assert.equal(normalizeCountry('Turkiye'), 'Türkiye');
    assert.equal(normalizeCountry('Curacao'), 'Curaçao');
    assert.equal(normalizeCountry('reunion'), 'Réunion');
    assert.equal(normalizeCountry('Sao Tome and Principe'), 'São Tomé and Príncipe');
    assert.equal(normalizeCountry('Aland Islands'), 'Åland Islands');
    assert.equal(normalizeCountry('Nétherlands'), 'Netherlands');
  });

  it('case does not matter', () => {
    assert.equal(normalizeCountry('GERMANY'), 'Germany');
    assert.equal(normalizeCountry('sOuTh KoReA'), 'South Korea');
  });

  it('extra spaces around and inside the name do not matter', () => {
    assert.equal(normalizeCountry('  south   korea  '), 'South Korea');
    assert.equal(normalizeCountry('\tUnited\u00a0Kingdom\n'), 'United Kingdom');
  });

  it("a curly apostrophe, '&' and 'St.' are read as their plain forms", () => {
    assert.equal(normalizeCountry('Côte d’Ivoire'), "Côte d'Ivoire");
    assert.equal(normalizeCountry('Trinidad & Tobago'), 'Trinidad and Tobago');
    assert.equal(normalizeCountry('St. Lucia'), 'Saint Lucia');
    assert.equal(normalizeCountry('St Kitts & Nevis'), 'Saint Kitts and Nevis');
  });

  it('an unknown country is refused (null)', () => {
    assert.equal(normalizeCountry('Atlantis'), null);
    assert.equal(normalizeCountry('Netherland'), null);
    assert.equal(normalizeCountry('England'), null);
  });

  it('empty or blank input is refused (null)', () => {
    assert.equal(normalizeCountry(''), null);
    assert.equal(normalizeCountry('   '), null);
    assert.equal(normalizeCountry('the'), null);
  });

  it('input that is not a string is refused (null)', () => {
    assert.equal(normalizeCountry(undefined as unknown as string), null);
    assert.equal(normalizeCountry(42 as unknown as string), null);
  });
});
