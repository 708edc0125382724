import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';

/** A visitor id as tracker.js makes one: 'v' + 32 hex digits. */
export const newVisitorId = () => `v${randomBytes(16).toString('hex')}`;

/** The documentId of the customer a visitor id names, or null (read straight from the table). */
export const customerOfVisitorId = async (
  strapi: Core.Strapi,
  visitorId: string
): Promise<string | null> => {
  const row = await knexOf(strapi)(`${TABLE.visitorIds} as v`)
    .join(`${TABLE.customers} as c`, 'c.id', 'v.customer_id')
    .where('v.visitor_id', visitorId)
    .first('c.document_id');
  return row?.document_id ?? null;
};

/** Lets the public role read a content type, as a site does for its public pages. */
export const allowPublic = async (strapi: Core.Strapi, actions: string[]) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  for (const action of actions)
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action, role: role.id } });
};
