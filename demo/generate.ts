import { EVENT_TYPES } from '../contracts/constants';
import type { BulkCustomer, BulkEvent } from '../server/src/database/bulk-insert';
import { seededRandom, type Random } from './random';

const FIRST = {
  female: [
    'Anna',
    'Emma',
    'Sophie',
    'Julia',
    'Lisa',
    'Sara',
    'Eva',
    'Noor',
    'Mila',
    'Olivia',
    'Grace',
    'Maria',
  ],
  male: [
    'Jan',
    'Daan',
    'Lucas',
    'Sem',
    'Thomas',
    'Liam',
    'Noah',
    'Pieter',
    'James',
    'David',
    'Max',
    'Omar',
  ],
  other: ['Alex', 'Sam', 'Robin', 'Charlie', 'Kim', 'Jamie'],
} as const;
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Smith',
  'Johnson',
  'Brown',
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'García',
];
const PLACES = [
  { city: 'Amsterdam', country: 'Netherlands', prefix: '31' },
  { city: 'Rotterdam', country: 'Netherlands', prefix: '31' },
  { city: 'Utrecht', country: 'Netherlands', prefix: '31' },
  { city: 'Antwerp', country: 'Belgium', prefix: '32' },
  { city: 'Berlin', country: 'Germany', prefix: '49' },
  { city: 'London', country: 'United Kingdom', prefix: '44' },
  { city: 'Paris', country: 'France', prefix: '33' },
  { city: 'New York', country: 'United States', prefix: '1' },
] as const;
const STREETS = [
  'Main Street',
  'Kerkstraat',
  'Dorpsstraat',
  'Station Road',
  'Hoofdweg',
  'Parklaan',
];
const JOBS = [
  'Marketing manager',
  'Developer',
  'Designer',
  'Teacher',
  'Nurse',
  'Sales lead',
  'Student',
  null,
];
const TAGS = ['newsletter', 'vip', 'b2b', 'ev-interest', 'webinar', 'trial'];
const TERMS = ['privacy', 'newsletter', 'terms-of-service'];
const DOMAINS = ['example.com', 'mail.example.org', 'example.net'];
const UTM = [
  { source: 'newsletter', medium: 'email', campaign: 'spring-sale' },
  { source: 'facebook', medium: 'social', campaign: 'ev-launch' },
  { source: 'google', medium: 'cpc', campaign: 'brand' },
];

/** One generated customer, in the shape the bulk writer takes. */
export type GeneratedCustomer = BulkCustomer;

/** One generated event; `customerIndex` points into the generated customers. */
export type GeneratedEvent = BulkEvent;

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const customer = (r: Random, index: number, now: number): GeneratedCustomer => {
  const gender = r.pick(['female', 'male', 'female', 'male', 'other'] as const);
  const firstName = r.pick(FIRST[gender]);
  const lastName = r.pick(LAST);
  const place = r.pick(PLACES);
  const local = `${firstName}.${lastName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    firstName,
    lastName,
    gender,
    dateOfBirth: isoDay(now - r.int(16 * 365, 85 * 365) * DAY),
    street: r.pick(STREETS),
    houseNumber: `${r.int(1, 300)}${r.chance(0.2) ? r.pick(['a', 'b', ' bis']) : ''}`,
    zipCode: `${r.int(1000, 9999)}${r.chance(0.5) ? ' AB' : ''}`,
    city: place.city,
    country: place.country,
    jobTitle: r.pick(JOBS),
    referenceId: `CRM${100000 + index}`,
    emails: [`${local}.${index}@${r.pick(DOMAINS)}`],
    phones: r.chance(0.7) ? [`${place.prefix}${r.int(100000000, 999999999)}`] : [],
    tags: TAGS.filter(() => r.chance(0.2)),
    terms: TERMS.filter(() => r.chance(0.3)).map((termId) => ({
      termId,
      givenAt: isoDay(now - r.int(0, 700) * DAY),
    })),
    createdAt: new Date(now - r.int(0, 730) * DAY),
  };
};

/** Deterministic customers (same seed, same people). */
export const generateCustomers = (
  count: number,
  seed = 42,
  now = Date.now()
): GeneratedCustomer[] => {
  const r = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => customer(r, i, now));
};

/**
 * Deterministic events over the last 365 days: `count` events spread over `customers`
 * customers and the given content items (uid + documentId).
 */
export function* generateEvents(
  count: number,
  customers: number,
  items: { uid: string; documentId: string; slug: string }[],
  seed = 7,
  now = Date.now()
): Generator<GeneratedEvent> {
  const r = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const item = items.length > 0 && r.chance(0.8) ? r.pick(items) : null;
    const utm = r.chance(0.15) ? r.pick(UTM) : null;
    yield {
      customerIndex: r.int(0, customers - 1),
      type: item
        ? r.pick([
            'View',
            'View',
            'View',
            'Click',
            'Like',
            'Bookmark',
            'Share',
            'Conversion',
          ] as const)
        : r.pick(EVENT_TYPES),
      itemUid: item?.uid ?? null,
      itemDocumentId: item?.documentId ?? null,
      url: item ? `https://www.example.com/articles/${item.slug}` : 'https://www.example.com/',
      utmSource: utm?.source ?? null,
      utmMedium: utm?.medium ?? null,
      utmCampaign: utm?.campaign ?? null,
      occurredAt: new Date(now - r.next() * 365 * DAY),
    };
  }
}
