import type { ImportRowOutcome } from '../../../../contracts/imports';
import { emptySnapshot, mergeRow, type CustomerSnapshot } from './merge';
import type { CsvRecord } from './parse';
import { rowToCustomer, type ImportRecord } from './row-to-customer';

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

/** The emails of a batch's valid rows, to look their owners up in one query. */
export const validRows = (records: CsvRecord[], today: Date) =>
  records.map((r) => ({ source: r, result: r.parseError ? null : rowToCustomer(r.values, today) }));

/**
 * Decides what each row of a batch does, in file order, under the reference's matching rule:
 * a known email updates that customer (filling what is empty), an unknown email or no email
 * creates one. `known` maps an email to the snapshot of its customer, stored or created earlier
 * in this import.
 */
export const planBatch = (
  rows: ReturnType<typeof validRows>,
  known: Map<string, CustomerSnapshot>
): BatchPlan => {
  const plan: BatchPlan = { outcomes: [], rowCustomers: [], customers: [], errors: [] };
  const planned = new Map<CustomerSnapshot, PlannedCustomer>();
  for (const { source, result } of rows) {
    if (!result || 'problems' in result) {
      const problems =
        result && 'problems' in result
          ? result.problems
          : [{ column: '', reason: source.parseError ?? 'unreadable row' }];
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
      continue;
    }
    const record: ImportRecord = result.record;
    let snapshot = record.email ? known.get(record.email) : undefined;
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
        addPhones: [],
        addTags: [],
        addTerms: [],
      };
      planned.set(snapshot, entry);
      plan.customers.push(entry);
    }
    const merge = mergeRow(snapshot, record);
    merge.fields.forEach((f) => entry!.changed.add(f));
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
