import type { Gender } from './constants';

/**
 * Field rules of a customer profile, shared by the admin form, the admin API and the CSV import
 * (the reference's import template). Each parser returns the stored value, or null when the
 * input is not acceptable.
 */

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\]{2,}$/;

/** Lower-cased, trimmed email, or null when it is not a valid address. */
export const normalizeEmail = (input: string): string | null => {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
};

/** Digits with country code (310302271710); spaces, dashes, dots, brackets and a leading + go. */
export const normalizePhone = (input: string): string | null => {
  const phone = input
    .trim()
    .replace(/^\+/, '')
    .replace(/^00/, '')
    .replace(/[\s\-.()/]/g, '');
  return /^[1-9]\d{7,14}$/.test(phone) ? phone : null;
};

const GENDER_WORDS: Record<string, Gender> = {
  f: 'female',
  female: 'female',
  m: 'male',
  male: 'male',
  o: 'other',
  other: 'other',
};

/** F / Female / M / Male / O / Other in any letter case. */
export const parseGender = (input: string): Gender | null =>
  GENDER_WORDS[input.trim().toLowerCase()] ?? null;

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date given as yyyy-mm-dd or dd-mm-yyyy, returned as yyyy-mm-dd. */
export const parseDate = (input: string): string | null => {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (!Number.isFinite(y)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** A date of birth: a real date, not in the future, not before 1900. */
export const parseDateOfBirth = (input: string, today = new Date()): string | null => {
  const date = parseDate(input);
  if (!date) return null;
  const todayIso = today.toISOString().slice(0, 10);
  return date <= todayIso && date >= '1900-01-01' ? date : null;
};

/** Alphanumeric only (the reference's rule for reference_id). */
export const isReferenceId = (input: string) => /^[A-Za-z0-9]{1,64}$/.test(input.trim());

/** A consent: the term's id and the date it was given. */
export interface TermConsent {
  termId: string;
  givenAt: string;
}

/** One `yyyy-mm-dd:TermID` or `dd-mm-yyyy:TermID` item, or null. */
export const parseTerm = (input: string): TermConsent | null => {
  const match = /^\s*([0-9-]{8,10})\s*:\s*([A-Za-z0-9_\- ]{1,100}?)\s*$/.exec(input);
  if (!match) return null;
  const givenAt = parseDate(match[1]);
  return givenAt ? { termId: match[2], givenAt } : null;
};

/** Comma-separated list, trimmed, empties and duplicates dropped. */
export const splitList = (input: string): string[] => [
  ...new Set(
    input
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
  ),
];

/**
 * The words of a name or a search, lower-cased without accents: "Jan de Vries-Müller" gives
 * jan, de, vries, muller. Name search matches each searched word as a prefix of these.
 */
export const nameTokens = (...parts: (string | null | undefined)[]): string[] => [
  ...new Set(
    parts
      .join(' ')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((t) => t.slice(0, 100))
  ),
];
