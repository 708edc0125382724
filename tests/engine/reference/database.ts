import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../../../server/src/database/document-id';
import { TABLE } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';
import { knexOf } from '../../../server/src/database/knex';
import { evaluate, type RefCustomer, type RefEvent, type World } from './evaluate';
import { NOW } from './arbitraries';

/** What the differential test writes: the data, the external members, the rule segments. */
export interface WorldData {
  customers: RefCustomer[];
  events: RefEvent[];
  extA: number[];
  extB: number[];
}

const insertId = (row: unknown) =>
  Number(typeof row === 'object' ? (row as { id: number }).id : row);

/** Empties what a previous data set left in the tables the rules read. */
export const clearWorld = async (strapi: Core.Strapi) => {
  const knex = knexOf(strapi);
  for (const table of [
    TABLE.memberships,
    TABLE.segments,
    TABLE.events,
    TABLE.emails,
    TABLE.tags,
    TABLE.subscriptions,
    TABLE.terms,
    TABLE.customers,
  ]) {
    await knex(table).delete();
  }
};

/**
 * Writes a data set with knex, as the plugin stores it, and the four segments the trees may
 * name; rule segments get the members the reference gives them (as a recompute would write).
 * Returns the world for the reference and the customers' row ids, by index.
 */
export const writeWorld = async (
  strapi: Core.Strapi,
  data: WorldData,
  articles: World['articles'],
  rules: { 'rule-a': RuleNode; 'rule-b': RuleNode }
) => {
  const knex = knexOf(strapi);
  const world: World = {
    now: NOW,
    customers: data.customers,
    events: data.events,
    articles,
    segments: new Map<string, { members: Set<number> } | { rules: RuleNode }>([
      ['ext-a', { members: new Set(data.extA) }],
      ['ext-b', { members: new Set(data.extB) }],
      ['rule-a', { rules: rules['rule-a'] }],
      ['rule-b', { rules: rules['rule-b'] }],
    ]),
  };
  const ids: number[] = [];
  await knex.transaction(async (trx) => {
    for (const c of data.customers) {
      const [row] = await trx(TABLE.customers)
        .insert({
          document_id: newDocumentId(),
          gender: c.gender,
          source: c.source,
          country: c.country,
          city: c.city,
          job_title: c.jobTitle,
          date_of_birth: c.dateOfBirth,
          created_at: c.createdAt,
          updated_at: c.createdAt,
          last_activity_at: c.lastActivityAt,
          anonymized_at: c.anonymizedAt,
        })
        .returning('id');
      const id = insertId(row);
      ids.push(id);
      const children: [string, object[]][] = [
        [
          TABLE.emails,
          c.emails.map((e, position) => ({ customer_id: id, email: e, normalized: e, position })),
        ],
        [TABLE.tags, c.tags.map((tag) => ({ customer_id: id, tag }))],
        [
          TABLE.subscriptions,
          c.subscriptions.map((s) => ({
            customer_id: id,
            subscription: s.name,
            subscribed_at: s.at,
          })),
        ],
        [
          TABLE.terms,
          c.terms.map((t) => ({ customer_id: id, term_id: t.id, given_at: t.givenAt })),
        ],
      ];
      for (const [table, rows] of children) if (rows.length > 0) await trx(table).insert(rows);
    }
    for (let i = 0; i < data.events.length; i += 100) {
      await trx(TABLE.events).insert(
        data.events.slice(i, i + 100).map((e) => ({
          document_id: newDocumentId(),
          customer_id: ids[e.customer],
          type: e.type,
          item_uid: e.item?.uid ?? null,
          item_document_id: e.item?.documentId ?? null,
          item_locale: e.item?.locale ?? null,
          url: e.url,
          utm_source: e.utm.source,
          utm_medium: e.utm.medium,
          utm_campaign: e.utm.campaign,
          occurred_at: e.occurredAt,
          created_at: e.occurredAt,
          updated_at: e.occurredAt,
        }))
      );
    }
    for (const [segmentId, segment] of world.segments) {
      const [row] = await trx(TABLE.segments)
        .insert({
          document_id: newDocumentId(),
          name: segmentId,
          segment_id: segmentId,
          kind: 'members' in segment ? 'external' : 'rule',
          rules: 'rules' in segment ? JSON.stringify(segment.rules) : null,
          member_count: 0,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id');
      const members = data.customers
        .map((_, index) => index)
        .filter((index) =>
          'members' in segment ? segment.members.has(index) : evaluate(segment.rules, index, world)
        );
      if (members.length > 0) {
        await trx(TABLE.memberships).insert(
          members.map((index) => ({
            segment_id: insertId(row),
            customer_id: ids[index],
            added_at: NOW,
          }))
        );
      }
    }
  });
  return { world, ids };
};
