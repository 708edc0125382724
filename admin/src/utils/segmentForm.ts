import { ValidationError } from 'yup';
import type { SegmentKind } from '../../../contracts/constants';
import type { GroupNode, RuleNode } from '../../../contracts/segment-rules';
import {
  segmentIdFromName,
  segmentInputSchema,
  segmentUpdateSchema,
  type Segment,
  type SegmentInput,
  type SegmentUpdate,
} from '../../../contracts/segments';
import { fieldErrorsFromYup, type FieldErrors } from './apiErrors';
import { validateRuleTree, type RuleErrors } from './ruleErrors';
import { cleanTree, newRuleTree } from './ruleTree';

/** The segment builder's state: what the inputs hold. */
export interface SegmentFormValues {
  name: string;
  segmentId: string;
  /** False while the ID follows the name; true once the editor typed one. */
  idEdited: boolean;
  description: string;
  kind: SegmentKind;
  rules: GroupNode;
}

const asGroup = (rules: RuleNode | null): GroupNode =>
  rules?.kind === 'group'
    ? rules
    : rules
      ? { kind: 'group', op: 'and', children: [rules] }
      : newRuleTree();

/** The form for a stored segment, or a new rule segment. */
export const toSegmentFormValues = (segment?: Segment): SegmentFormValues => ({
  name: segment?.name ?? '',
  segmentId: segment?.segmentId ?? '',
  idEdited: Boolean(segment),
  description: segment?.description ?? '',
  kind: segment?.kind ?? 'rule',
  rules: asGroup(segment?.rules ?? null),
});

/** A new name; the ID follows it with `segmentIdFromName` until the editor edits the ID. */
export const withName = (values: SegmentFormValues, name: string): SegmentFormValues =>
  values.idEdited ? { ...values, name } : { ...values, name, segmentId: segmentIdFromName(name) };

/** An ID typed by the editor; clearing it lets the ID follow the name again. */
export const withSegmentId = (values: SegmentFormValues, segmentId: string): SegmentFormValues =>
  segmentId.trim() === ''
    ? { ...values, idEdited: false, segmentId: segmentIdFromName(values.name) }
    : { ...values, idEdited: true, segmentId };

interface Checked<T> {
  input: T;
  errors: FieldErrors;
  ruleErrors: RuleErrors;
}

const check = <T>(schema: { validateSync: (v: unknown, o: object) => unknown }, input: T) => {
  try {
    schema.validateSync(input, { abortEarly: false });
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return fieldErrorsFromYup(error);
  }
};

/** The POST body for a new segment, checked with the server's schemas (fields and rules). */
export const checkNewSegment = (values: SegmentFormValues): Checked<SegmentInput> => {
  const input: SegmentInput = {
    name: values.name.trim(),
    segmentId: values.segmentId.trim(),
    description: values.description.trim() || null,
    kind: values.kind,
    rules: values.kind === 'rule' ? cleanTree(values.rules) : null,
  };
  return {
    input,
    errors: check(segmentInputSchema, input),
    ruleErrors: values.kind === 'rule' ? validateRuleTree(values.rules) : {},
  };
};

/** The PUT body for a stored segment (the kind can't change; external ones have no rules). */
export const checkSegmentUpdate = (values: SegmentFormValues): Checked<SegmentUpdate> => {
  const input: SegmentUpdate = {
    name: values.name.trim(),
    segmentId: values.segmentId.trim(),
    description: values.description.trim() || null,
    ...(values.kind === 'rule' ? { rules: cleanTree(values.rules) } : {}),
  };
  return {
    input,
    errors: check(segmentUpdateSchema, input),
    ruleErrors: values.kind === 'rule' ? validateRuleTree(values.rules) : {},
  };
};
