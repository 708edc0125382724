import type { Knex } from 'knex';
import { randomUUID } from 'crypto';
import { TABLE } from '../../../contracts/constants';
import { isUniqueViolation } from './knex';

/** This process, as the owner of the leases it takes. */
export const INSTANCE_ID = randomUUID();

/**
 * Takes the named lease for `ttlMs` when it is free or expired: one conditional UPDATE, so of
 * several Strapi instances (or two runs in one) on one database exactly one gets it. Returns
 * whether we hold it; a held lease is not taken again, even by its owner, until released.
 */
export const tryLease = async (knex: Knex, name: string, ttlMs: number, owner = INSTANCE_ID) => {
  const now = Date.now();
  const taken = await knex(TABLE.leases)
    .where('name', name)
    .andWhere('expires_at', '<', now)
    .update({ owner, expires_at: now + ttlMs });
  if (taken > 0) return true;
  const exists = await knex(TABLE.leases).where('name', name).first();
  if (exists) return false;
  try {
    await knex(TABLE.leases).insert({ name, owner, expires_at: now + ttlMs, last_run_at: 0 });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
};

/** Frees a lease we hold, recording when the job last ran. */
export const releaseLease = (knex: Knex, name: string, owner = INSTANCE_ID) =>
  knex(TABLE.leases).where({ name, owner }).update({ expires_at: 0, last_run_at: Date.now() });

/** When the named job last finished (ms since epoch), on any instance. */
export const lastRunAt = async (knex: Knex, name: string) =>
  Number((await knex(TABLE.leases).where('name', name).first())?.last_run_at ?? 0);
