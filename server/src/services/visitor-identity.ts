import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE, type CustomerSource } from '../../../contracts/constants';
import { normalizeEmail } from '../../../contracts/customer-fields';
import { isUniqueViolation, knexOf } from '../database/knex';
import {
  customerByRef,
  customerOfEmail,
  customerOfReference,
  customerOfVisitor,
  pointVisitor,
  type CustomerRef,
} from '../database/visitors';
import { getService } from '../utils/get-service';

type Names = { firstName?: string; lastName?: string };

/** Another writer took the email or the visitor id between our read and our write. */
const isRace = (error: unknown) =>
  isUniqueViolation(error) ||
  (error instanceof errors.ValidationError && /already belongs/.test(error.message));

/** Runs a read-then-write step, once more when a concurrent writer got there first. */
const retryOnRace = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isRace(error)) return work();
    throw error;
  }
};

const given = (names: Names) =>
  Object.fromEntries(
    Object.entries(names)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''])
      .filter(([, v]) => v)
  ) as Names;

/**
 * Who a visitor id names. The public identify links a visitor to a customer only with proof (a
 * userHash) or, with verification off, only moves the visitor's anonymous data into a customer;
 * the site's server (API token) links and merges as it knows best. Two known customers are never
 * merged by a public call, and no answer says whether an email is known.
 */
const visitorIdentity = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const customers = () => getService(strapi, 'customers');
  const pending = new Set<Promise<unknown>>();

  /** Fills the names a customer lacks (a name it has is kept). */
  const fillNames = async (documentId: string, names: Names) => {
    const wanted = given(names);
    if (Object.keys(wanted).length === 0) return;
    const current = await customers().findOne(documentId);
    const fill = Object.fromEntries(
      Object.entries(wanted).filter(([k]) => !current[k as keyof Names])
    );
    if (Object.keys(fill).length > 0) await customers().update(documentId, fill);
  };

  /** A new customer with these fields; its id. */
  const create = async (
    input: { email?: string; referenceId?: string } & Names,
    source: CustomerSource
  ): Promise<CustomerRef> => {
    const created = await customers().create(
      {
        ...given(input),
        ...(input.email && { emails: [input.email] }),
        ...(input.referenceId && { referenceId: input.referenceId }),
      },
      source
    );
    return { id: created.id, documentId: created.documentId };
  };

  /**
   * Makes the visitor id name `target`: an anonymous profile behind it is merged into the target
   * (its events and variants go along); a known person's profile is left as it is and only the
   * visitor id moves.
   */
  const linkTo = async (visitorId: string, target: CustomerRef) => {
    const visitor = await customerOfVisitor(knex(), visitorId);
    if (visitor?.id === target.id) return;
    if (visitor?.anonymous)
      await getService(strapi, 'customer-merge').merge(target.documentId, visitor.documentId, null);
    else await pointVisitor(knex(), visitorId, target.id);
  };

  /** Identify with a valid userHash: the caller is the email's owner. */
  const identifyVerified = async (visitorId: string, email: string, names: Names) => {
    const owner = await customerOfEmail(knex(), email);
    if (owner) {
      await linkTo(visitorId, owner);
      await fillNames(owner.documentId, names);
      return;
    }
    const visitor = await customerOfVisitor(knex(), visitorId);
    if (visitor?.anonymous) {
      await customers().update(visitor.documentId, { emails: [email], ...given(names) });
      return;
    }
    const created = await create({ email, ...names }, 'tracking');
    await pointVisitor(knex(), visitorId, created.id);
  };

  /**
   * Identify without verification (mode 'off'): data only flows from the anonymous visitor into
   * a customer. The visitor id is detached first, so the caller never sees the customer it
   * joined, nor what flows into that customer later; a known visitor is left alone.
   */
  const identifyUnverified = async (visitorId: string, email: string, names: Names) => {
    const visitor = await customerOfVisitor(knex(), visitorId);
    if (visitor && !visitor.anonymous) return;
    if (visitor) await knex()(TABLE.visitorIds).where('customer_id', visitor.id).delete();
    await retryOnRace(async () => {
      const owner = await customerOfEmail(knex(), email);
      if (owner && visitor)
        await getService(strapi, 'customer-merge').merge(
          owner.documentId,
          visitor.documentId,
          null
        );
      else if (visitor)
        await customers().update(visitor.documentId, { emails: [email], ...given(names) });
      else if (!owner) await create({ email, ...names }, 'tracking');
    });
  };

  return {
    /**
     * The public identify, after the controller checked the userHash (mode 'required'). With
     * verification off the work runs after the answer, so its duration tells nothing either.
     */
    async identify(
      visitorId: string,
      input: { email: string } & Names,
      mode: 'required' | 'off'
    ): Promise<void> {
      const email = normalizeEmail(input.email)!;
      const names = { firstName: input.firstName, lastName: input.lastName };
      if (mode === 'required') {
        await retryOnRace(() => identifyVerified(visitorId, email, names));
        return;
      }
      // The error's name only: its message may hold the email, and logs keep no personal data.
      const work = identifyUnverified(visitorId, email, names).catch((error) =>
        strapi.log.error(`segments: an unverified identify failed (${(error as Error).name})`)
      );
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },

    /** Resolves when the identify work started so far has finished (for tests and shutdown). */
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },

    /**
     * For the site's server: links a visitor id to the customer with this email or reference id
     * (created when missing, the other given fields filled where empty) and merges the visitor's
     * anonymous profile into it.
     */
    async serverIdentify(input: {
      visitorId: string;
      email?: string;
      referenceId?: string;
      firstName?: string;
      lastName?: string;
    }): Promise<{ documentId: string }> {
      const email = input.email ? normalizeEmail(input.email)! : undefined;
      const referenceId = input.referenceId?.trim();
      const names = { firstName: input.firstName, lastName: input.lastName };
      return retryOnRace(async () => {
        const byReference = referenceId ? await customerOfReference(knex(), referenceId) : null;
        const byEmail = email ? await customerOfEmail(knex(), email) : null;
        if (byReference && byEmail && byReference.id !== byEmail.id)
          throw new errors.ValidationError(
            `${email} and reference id ${referenceId} belong to two customers: merge them first (POST /api/segments/server/merge)`
          );
        let target = byReference ?? byEmail;
        if (!target) target = await create({ email, referenceId, ...names }, 'api');
        else {
          const current = await customers().findOne(target.documentId);
          const fill = {
            ...(email && !byEmail && { emails: [...current.emails, email] }),
            ...(referenceId && !current.referenceId && { referenceId }),
          };
          if (Object.keys(fill).length > 0) await customers().update(target.documentId, fill);
          await fillNames(target.documentId, names);
        }
        await linkTo(input.visitorId, target);
        return { documentId: target.documentId };
      });
    },

    /** For the site's server: `from` merges into `into` (documentIds or reference ids). */
    async serverMerge(into: string, from: string): Promise<{ documentId: string }> {
      const [main, source] = await Promise.all([
        customerByRef(knex(), into),
        customerByRef(knex(), from),
      ]);
      if (!main)
        throw new errors.NotFoundError(`No customer with documentId or reference id ${into}`);
      if (!source)
        throw new errors.NotFoundError(`No customer with documentId or reference id ${from}`);
      await getService(strapi, 'customer-merge').merge(main.documentId, source.documentId, null);
      return { documentId: main.documentId };
    },
  };
};

export type VisitorIdentityService = ReturnType<typeof visitorIdentity>;
export default visitorIdentity;
