import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type {
  EventCondition,
  EventTarget,
  EventWindow,
  FirstEventCondition,
  UtmCondition,
} from '../../../contracts/segment-rules';
import { escapeLike, RuleCompileError, type CompileContext } from './context';

type Where = Knex.QueryBuilder;
const DAY = 86_400_000;

/** Narrows an events query to the condition's content. */
const applyTarget = (q: Where, target: EventTarget, ctx: CompileContext) => {
  switch (target.type) {
    case 'any':
      return q;
    case 'item':
      q.where('e.item_document_id', target.documentId).where('e.item_uid', target.uid);
      return target.locale ? q.where('e.item_locale', target.locale) : q;
    case 'contentType': {
      q.where('e.item_uid', target.uid);
      if (!target.field) return q;
      const meta = ctx.contentType(target.uid);
      if (!meta) throw new RuleCompileError(`Unknown content type ${target.uid}`);
      const column = meta.columns[target.field];
      if (!column) {
        throw new RuleCompileError(`${target.uid} has no field "${target.field}" to filter on`);
      }
      if (target.value === undefined) {
        throw new RuleCompileError(`Give the value of ${target.uid} ${target.field} to filter on`);
      }
      return q.whereIn(
        'e.item_document_id',
        ctx
          .knex(meta.table)
          .select('document_id')
          .where(column, target.value as any)
      );
    }
    case 'url': {
      // "*" is the wildcard of a URL pattern; everything else matches literally, in any case.
      const pattern = target.pattern.toLowerCase().split('*').map(escapeLike).join('%');
      return q.whereRaw(`LOWER(e.url) LIKE ? ESCAPE '\\'`, [pattern]);
    }
  }
};

const applyWindow = (q: Where, window: EventWindow, now: Date) => {
  switch (window.type) {
    case 'ever':
      return q;
    case 'lastDays':
      return q.where('e.occurred_at', '>=', new Date(now.getTime() - window.days * DAY));
    case 'between': {
      const to = new Date(window.to);
      // A date without a time means the whole of that day.
      if (/^\d{4}-\d{2}-\d{2}$/.test(window.to)) to.setUTCDate(to.getUTCDate() + 1);
      return q.where('e.occurred_at', '>=', new Date(window.from)).where('e.occurred_at', '<', to);
    }
  }
};

/** The events of the condition: type, target and window (alias `e`). */
const matchingEvents = (c: EventCondition, ctx: CompileContext) => {
  const q = ctx.knex(`${TABLE.events} as e`).where('e.type', c.eventType);
  applyTarget(q, c.target, ctx);
  return applyWindow(q, c.window, ctx.now);
};

/**
 * "Did T at least / at most / exactly N times". `set` mode groups the matching events by
 * customer once (an index range scan) and tests membership; `single` mode counts per customer
 * with a correlated subquery (an index probe per customer).
 */
export const compileEvent = (qb: Where, c: EventCondition, ctx: CompileContext) => {
  const { operator, value } = c.did ? c.count : { operator: 'exactly' as const, value: 0 };
  // Each case as "customers whose count is in a range"; a range that includes 0 must also take
  // customers without any event, so it is written as NOT IN the complement.
  const [min, max] =
    operator === 'atLeast'
      ? [value, Infinity]
      : operator === 'atMost'
        ? [0, value]
        : [value, value];
  // "At least 0 times" holds for everyone: said so, as an empty condition would vanish from an OR.
  if (min <= 0 && max === Infinity) return qb.whereRaw('1 = 1');
  if (ctx.mode === 'single') {
    const count = matchingEvents(c, ctx).count('*').whereRaw('e.customer_id = c.id');
    if (min > 0) qb.whereRaw('(?) >= ?', [count.clone(), min]);
    if (max !== Infinity) qb.whereRaw('(?) <= ?', [count.clone(), max]);
    return qb;
  }
  const grouped = (having: string, bindings: number[]) =>
    matchingEvents(c, ctx)
      .select('e.customer_id')
      .whereNotNull('e.customer_id')
      .groupBy('e.customer_id')
      .havingRaw(having, bindings);
  if (min > 0) {
    return qb.whereIn(
      'c.id',
      max === Infinity
        ? grouped('COUNT(*) >= ?', [min])
        : grouped('COUNT(*) >= ? AND COUNT(*) <= ?', [min, max])
    );
  }
  return qb.whereNotIn('c.id', grouped('COUNT(*) > ?', [max]));
};

/** "First did T in the last N days": the customer's earliest event of type T is that recent. */
export const compileFirstEvent = (qb: Where, c: FirstEventCondition, ctx: CompileContext) => {
  const since = new Date(ctx.now.getTime() - c.days * DAY);
  const firsts = ctx.knex(`${TABLE.events} as e`).where('e.type', c.eventType);
  if (ctx.mode === 'single') {
    // An event since then and none before: two index probes, and false (not unknown, as the
    // MIN of no events would be) for a customer who never did it.
    const own = () => firsts.clone().select(ctx.knex.raw('1')).whereRaw('e.customer_id = c.id');
    return qb
      .whereExists(own().where('e.occurred_at', '>=', since))
      .whereNotExists(own().where('e.occurred_at', '<', since));
  }
  return qb.whereIn(
    'c.id',
    firsts
      .select('e.customer_id')
      .whereNotNull('e.customer_id')
      .groupBy('e.customer_id')
      .havingRaw('MIN(e.occurred_at) >= ?', [since])
  );
};

const UTM_COLUMNS = { source: 'e.utm_source', medium: 'e.utm_medium', campaign: 'e.utm_campaign' };

/** A UTM parameter of any of the customer's events. */
export const compileUtm = (qb: Where, c: UtmCondition, ctx: CompileContext) => {
  const column = UTM_COLUMNS[c.param];
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const events = ctx.knex(`${TABLE.events} as e`).select('e.customer_id');
  if (ctx.mode === 'single') events.whereRaw('e.customer_id = c.id');
  switch (c.operator) {
    case 'equals':
    case 'notEquals':
      events.whereRaw('LOWER(??) = ?', [column, values[0].toLowerCase()]);
      break;
    case 'in':
      events.where((q) =>
        values.forEach((v) => q.orWhereRaw('LOWER(??) = ?', [column, v.toLowerCase()]))
      );
      break;
    case 'contains':
    case 'startsWith': {
      const v = escapeLike(values[0].toLowerCase());
      events.whereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [
        column,
        c.operator === 'contains' ? `%${v}%` : `${v}%`,
      ]);
      break;
    }
    default:
      throw new RuleCompileError(`utm does not take ${c.operator}`);
  }
  if (ctx.mode === 'single')
    return c.operator === 'notEquals' ? qb.whereNotExists(events) : qb.whereExists(events);
  events.whereNotNull('e.customer_id');
  return c.operator === 'notEquals' ? qb.whereNotIn('c.id', events) : qb.whereIn('c.id', events);
};
