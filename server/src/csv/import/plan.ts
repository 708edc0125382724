import type { ImportRowOutcome } from '../../../../contracts/imports';
import { emptySnapshot, mergeRow, type CustomerSnapshot } from './merge';
import type { CsvRecord } from './parse';
import { rowToCustomer, type ImportRecord, type RowProblem } from './row-to-customer';

/** A failed row, for the error file. */
export interface RowError {
  line: number;
  column: string;
  reason: string;
  raw: Record<string, string>;
}

/** A customer the batch changes, with every change accumulated in file order. */
export interface PlannedCustomer {
  snapshot: CustomerSnapshot;
  isNew: boolean;
  changed: Set<string>;
  /** Emails added to a stored customer (see mergeRow). */
  addEmails: string[];
  addPhones: string[];
  addTags: string[];
  addTerms: { termId: string; givenAt: string }[];
}

export interface BatchPlan {
  outcomes: ImportRowOutcome[];
  /** The customer of each outcome (null for failed rows): its id is known once written. */
  rowCustomers: (CustomerSnapshot | null)[];
  customers: PlannedCustomer[];
  errors: RowError[];
}

/** A batch's rows, each validated (or its parse error kept). */
export const validRows = (records: CsvRecord[], today: Date) =>
  records.map((r) => ({ source: r, result: r.parseError ? null : rowToCustomer(r.values, today) }));

/** True when the row gives any value (an anonymized customer's unedited row gives none). */
const givesAnything = (r: ImportRecord) =>
  r.email !== null ||
  r.phone !== null ||
  Object.keys(r.scalars).length > 0 ||
  r.tags.length > 0 ||
  r.terms.length > 0;

/** Why a row matched by customer_id can not be imported, or null. */
const identityProblem = (
  record: ImportRecord,
  snapshot: CustomerSnapshot | undefined,
  known: Map<string, CustomerSnapshot>
): RowProblem | null => {
  if (!snapshot)
    return {
      column: 'customer_id',
      reason: 'no customer has this customer_id; leave it empty to create one',
    };
  const owner = record.email ? known.get(record.email) : undefined;
  if (owner && owner !== snapshot)
    return {
      column: 'email',
      reason: `"${record.email}" belongs to another customer than this customer_id; customers are never merged by an import`,
    };
  if (snapshot.anonymized && givesAnything(record))
    return {
      column: 'customer_id',
      reason: 'this customer is anonymized: an import does not give it personal data again',
    };
  return null;
};

/**
 * Decides what each row of a batch does, in file order. A row with a customer_id is that
 * customer (see mergeRow); one naming no customer fails, so a re-imported export never creates
 * a duplicate. Other rows follow the reference's rule: a known email updates that customer
 * (filling what is empty), an unknown email or no email creates one. `known` maps an email to
 * the snapshot of its customer, stored or created earlier in this import; `byCustomerId` a
 * documentId to its stored customer's snapshot (the same objects).
 */
export const planBatch = (
  rows: ReturnType<typeof validRows>,
  known: Map<string, CustomerSnapshot>,
  byCustomerId: Map<string, CustomerSnapshot> = new Map()
): BatchPlan => {
  const plan: BatchPlan = { outcomes: [], rowCustomers: [], customers: [], errors: [] };
  const planned = new Map<CustomerSnapshot, PlannedCustomer>();
  const fail = (source: CsvRecord, problems: RowProblem[]) => {
    problems.forEach((p) =>
      plan.errors.push({
        line: source.line,
        column: p.column,
        reason: p.reason,
        raw: source.values as Record<string, string>,
      })
    );
    plan.rowCustomers.push(null);
    plan.outcomes.push({
      line: source.line,
      action: 'fail',
      email: (source.values.email ?? '').trim() || null,
      fields: [],
      reasons: problems.map((p) => `${p.column}: ${p.reason}`),
    });
  };
  for (const { source, result } of rows) {
    if (!result || 'problems' in result) {
      fail(
        source,
        result && 'problems' in result
          ? result.problems
          : [{ column: '', reason: source.parseError ?? 'unreadable row' }]
      );
      continue;
    }
    const record: ImportRecord = result.record;
    const byId = record.customerId !== null;
    let snapshot: CustomerSnapshot | undefined;
    if (byId) {
      snapshot = byCustomerId.get(record.customerId!);
      const problem = identityProblem(record, snapshot, known);
      if (problem) {
        fail(source, [problem]);
        continue;
      }
      // Later rows with this email (and no customer_id) are this customer's too.
      if (record.email) known.set(record.email, snapshot!);
    } else {
      snapshot = record.email ? known.get(record.email) : undefined;
    }
    if (!snapshot) {
      snapshot = emptySnapshot();
      if (record.email) known.set(record.email, snapshot);
    }
    const creates = snapshot.id === null && !snapshot.reportedCreated;
    snapshot.reportedCreated = true;
    let entry = planned.get(snapshot);
    if (!entry) {
      entry = {
        snapshot,
        isNew: snapshot.id === null,
        changed: new Set(),
        addEmails: [],
        addPhones: [],
        addTags: [],
        addTerms: [],
      };
      planned.set(snapshot, entry);
      plan.customers.push(entry);
    }
    const merge = mergeRow(snapshot, record, byId);
    merge.fields.forEach((f) => entry!.changed.add(f));
    entry.addEmails.push(...merge.emails);
    entry.addPhones.push(...merge.phones);
    entry.addTags.push(...merge.tags);
    entry.addTerms.push(...merge.terms);
    const action = creates ? 'create' : merge.fields.length > 0 ? 'update' : 'unchanged';
    plan.rowCustomers.push(snapshot);
    plan.outcomes.push({
      line: source.line,
      action,
      email: record.email,
      fields: action === 'update' ? merge.fields : [],
      reasons: [],
    });
  }
  return plan;
};
