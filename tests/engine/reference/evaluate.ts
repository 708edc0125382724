import type {
  Condition,
  EventCondition,
  EventTarget,
  FieldCondition,
  RuleNode,
  Scalar,
  UtmCondition,
} from '../../../contracts/segment-rules';

/**
 * A plain TypeScript statement of what a rule tree means (docs/segment-rules.md), over
 * customers and events held in memory: the reference the compiled SQL is tested against. It
 * shares no code with the compiler. Text is ASCII here: SQLite lower-cases A-Z only.
 */

export interface RefCustomer {
  gender: string | null;
  source: string | null;
  country: string | null;
  city: string | null;
  jobTitle: string | null;
  /** yyyy-mm-dd */
  dateOfBirth: string | null;
  createdAt: Date;
  lastActivityAt: Date | null;
  anonymizedAt: Date | null;
  /** Lower-cased, as stored. */
  emails: string[];
  tags: string[];
  subscriptions: { name: string; at: Date | null }[];
  /** givenAt: yyyy-mm-dd */
  terms: { id: string; givenAt: string }[];
}

export interface RefEvent {
  /** Index of the customer in World.customers. */
  customer: number;
  type: string;
  item: { uid: string; documentId: string; locale: string | null } | null;
  url: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null };
  occurredAt: Date;
}

export interface World {
  now: Date;
  customers: RefCustomer[];
  events: RefEvent[];
  /** Content items by documentId, with the field rules may filter on. */
  articles: { uid: string; documentId: string; category: string | null }[];
  /** External segments (their members' indexes) and rule segments (their rules). */
  segments: Map<string, { members: Set<number> } | { rules: RuleNode }>;
}

const DAY = 86_400_000;
const lc = (s: string) => s.toLowerCase();
const isEmpty = (v: string | null) => v === null || v === '';
const list = (v: FieldCondition['value']): Scalar[] => (Array.isArray(v) ? v : [v as Scalar]);
const isDay = (v: Scalar) => /^\d{4}-\d{2}-\d{2}$/.test(String(v));
const dayAfter = (d: Date) => new Date(d.getTime() + DAY);

/** Whole years on `now`'s (UTC) date. */
const ageOf = (dob: string, now: Date) => {
  const [y, m, d] = dob.split('-').map(Number);
  const before = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (before ? 1 : 0);
};

/** A single text value: positive operators false when empty, negative ones true. */
const text = (value: string | null, c: FieldCondition, fold: boolean) => {
  const norm = (s: string) => (fold ? lc(s) : s);
  const values = list(c.value).map((v) => norm(String(v)));
  const x = isEmpty(value) ? null : norm(value!);
  switch (c.operator) {
    case 'equals':
      return x !== null && x === values[0];
    case 'notEquals':
      return x === null || x !== values[0];
    case 'in':
      return x !== null && values.includes(x);
    case 'notIn':
      return x === null || !values.includes(x);
    case 'contains':
      return x !== null && lc(x).includes(lc(values[0]));
    case 'startsWith':
      return x !== null && lc(x).startsWith(lc(values[0]));
    case 'endsWith':
      return x !== null && lc(x).endsWith(lc(values[0]));
    case 'isEmpty':
      return x === null;
    case 'isNotEmpty':
      return x !== null;
    default:
      throw new Error(`text ${c.operator}`);
  }
};

const number = (value: number | null, c: FieldCondition) => {
  const values = list(c.value) as number[];
  const [a, b] = values;
  if (c.operator === 'isEmpty') return value === null;
  if (c.operator === 'isNotEmpty') return value !== null;
  if (c.operator === 'notEquals') return value === null || value !== a;
  if (c.operator === 'notIn') return value === null || !values.includes(value);
  if (value === null) return false;
  switch (c.operator) {
    case 'equals':
      return value === a;
    case 'in':
      return values.includes(value);
    case 'lt':
      return value < a;
    case 'lte':
      return value <= a;
    case 'gt':
      return value > a;
    case 'gte':
      return value >= a;
    case 'between':
      return Math.min(a, b) <= value && value <= Math.max(a, b);
    default:
      throw new Error(`number ${c.operator}`);
  }
};

/** A date without a time stands for the whole day. */
const date = (value: Date | null, c: FieldCondition) => {
  if (c.operator === 'isEmpty') return value === null;
  if (c.operator === 'isNotEmpty') return value !== null;
  if (value === null) return false;
  const [a, b] = list(c.value);
  const t = value.getTime();
  const start = (v: Scalar) => new Date(String(v)).getTime();
  const onOrBefore = (v: Scalar) =>
    isDay(v) ? t < dayAfter(new Date(String(v))).getTime() : t <= start(v);
  switch (c.operator) {
    case 'lt':
      return t < start(a);
    case 'lte':
      return onOrBefore(a);
    case 'gt':
      return !onOrBefore(a);
    case 'gte':
      return t >= start(a);
    case 'between':
      return t >= start(a) && onOrBefore(b);
    default:
      throw new Error(`date ${c.operator}`);
  }
};

/** "Has a value that ..." over a list; the negative operators are its negation. */
const set = (values: string[], c: FieldCondition) => {
  const wanted = list(c.value).map((v) => lc(String(v)));
  const has = (test: (v: string) => boolean) => values.some((v) => test(lc(v)));
  switch (c.operator) {
    case 'equals':
      return has((v) => v === wanted[0]);
    case 'in':
      return has((v) => wanted.includes(v));
    case 'notEquals':
      return !has((v) => v === wanted[0]);
    case 'notIn':
      return !has((v) => wanted.includes(v));
    case 'contains':
      return has((v) => v.includes(wanted[0]));
    case 'startsWith':
      return has((v) => v.startsWith(wanted[0]));
    case 'endsWith':
      return has((v) => v.endsWith(wanted[0]));
    case 'isEmpty':
      return values.length === 0;
    case 'isNotEmpty':
      return values.length > 0;
    default:
      throw new Error(`set ${c.operator}`);
  }
};

const field = (c: FieldCondition, p: RefCustomer, world: World): boolean => {
  switch (c.field) {
    case 'gender':
      return text(p.gender, c, false);
    case 'source':
      return text(p.source, c, false);
    case 'country':
      return text(p.country, c, true);
    case 'city':
      return text(p.city, c, true);
    case 'jobTitle':
      return text(p.jobTitle, c, true);
    case 'age':
      return number(p.dateOfBirth ? ageOf(p.dateOfBirth, world.now) : null, c);
    case 'createdAt':
      return date(p.createdAt, c);
    case 'lastActivityAt':
      return date(p.lastActivityAt, c);
    case 'anonymized':
      return (p.anonymizedAt !== null) === c.value;
    case 'tags':
      return set(p.tags, c);
    case 'subscriptions':
      return set(
        p.subscriptions
          .filter((s) => !c.since || (s.at !== null && s.at >= new Date(c.since)))
          .map((s) => s.name),
        c
      );
    case 'terms':
      return set(
        p.terms.filter((t) => !c.since || t.givenAt >= c.since).map((t) => t.id),
        c
      );
    case 'emailDomain':
      return set(
        p.emails.map((e) => e.slice(e.indexOf('@') + 1)),
        c
      );
  }
};

const urlMatches = (url: string | null, pattern: string) => {
  if (url === null) return false;
  const parts = lc(pattern)
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's').test(lc(url));
};

const onTarget = (e: RefEvent, target: EventTarget, world: World) => {
  switch (target.type) {
    case 'any':
      return true;
    case 'item':
      return (
        e.item !== null &&
        e.item.uid === target.uid &&
        e.item.documentId === target.documentId &&
        (!target.locale || e.item.locale === target.locale)
      );
    case 'contentType':
      return (
        e.item !== null &&
        e.item.uid === target.uid &&
        (!target.field ||
          world.articles.some(
            (a) => a.documentId === e.item!.documentId && a.category === target.value
          ))
      );
    case 'url':
      return urlMatches(e.url, target.pattern);
  }
};

const inWindow = (e: RefEvent, c: EventCondition, now: Date) => {
  const w = c.window;
  const t = e.occurredAt.getTime();
  if (w.type === 'ever') return true;
  if (w.type === 'lastDays') return t >= now.getTime() - w.days * DAY;
  const to = isDay(w.to) ? dayAfter(new Date(w.to)) : new Date(w.to);
  return t >= new Date(w.from).getTime() && t < to.getTime();
};

const event = (c: EventCondition, events: RefEvent[], world: World) => {
  const n = events.filter(
    (e) => e.type === c.eventType && onTarget(e, c.target, world) && inWindow(e, c, world.now)
  ).length;
  if (!c.did) return n === 0;
  const { operator, value } = c.count;
  return operator === 'atLeast' ? n >= value : operator === 'atMost' ? n <= value : n === value;
};

const utm = (c: UtmCondition, events: RefEvent[]) => {
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map(lc);
  const found = (test: (v: string) => boolean) =>
    events.some((e) => e.utm[c.param] !== null && test(lc(e.utm[c.param]!)));
  switch (c.operator) {
    case 'equals':
      return found((v) => v === values[0]);
    case 'notEquals':
      return !found((v) => v === values[0]);
    case 'in':
      return found((v) => values.includes(v));
    case 'contains':
      return found((v) => v.includes(values[0]));
    case 'startsWith':
      return found((v) => v.startsWith(values[0]));
  }
};

const condition = (c: Condition, index: number, world: World): boolean => {
  const p = world.customers[index];
  const events = world.events.filter((e) => e.customer === index);
  switch (c.kind) {
    case 'field':
      return field(c, p, world);
    case 'event':
      return event(c, events, world);
    case 'firstEvent': {
      const times = events.filter((e) => e.type === c.eventType).map((e) => e.occurredAt.getTime());
      return times.length > 0 && Math.min(...times) >= world.now.getTime() - c.days * DAY;
    }
    case 'utm':
      return utm(c, events);
    case 'segment': {
      const segment = world.segments.get(c.segmentId);
      if (!segment) throw new Error(`no segment ${c.segmentId}`);
      const member =
        'members' in segment ? segment.members.has(index) : evaluate(segment.rules, index, world);
      return c.operator === 'in' ? member : !member;
    }
  }
};

/** Whether the customer at `index` of the world matches the tree: true or false, never unknown. */
export const evaluate = (node: RuleNode, index: number, world: World): boolean => {
  if (node.kind !== 'group') return condition(node, index, world);
  const matched =
    node.op === 'and'
      ? node.children.every((child) => evaluate(child, index, world))
      : node.children.some((child) => evaluate(child, index, world));
  return node.not ? !matched : matched;
};
