import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { GroupNode } from '../../../../contracts/segment-rules';
import { useT } from '../../hooks/useT';
import { apiErrorMessage, fieldErrorsFromApi, type FieldErrors } from '../../utils/apiErrors';
import { countRuleErrors, type RuleErrors } from '../../utils/ruleErrors';
import {
  checkNewSegment,
  checkSegmentUpdate,
  withName,
  withSegmentId,
  type SegmentFormValues,
} from '../../utils/segmentForm';

interface Options<Input> {
  initialValues: SegmentFormValues;
  /** Create (POST) or update (PUT): the body is checked the way the server checks it. */
  mode: 'create' | 'update';
  onSubmit: (input: Input) => Promise<void>;
}

/** Focuses the first field with a message, or the first control of a condition with one. */
const focusFirstError = () =>
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(
        'form [aria-invalid="true"], form [data-invalid] [role="combobox"], form [data-invalid] input'
      )
      ?.focus()
  );

/**
 * The segment builder's state: name and ID (the ID follows the name until edited), kind, rules;
 * messages shown from the first Save on and kept current after; the server's 400 messages land
 * on the field they name (`segmentId`, `rules`) and in a notification.
 */
export const useSegmentForm = <Input>({ initialValues, mode, onSubmit }: Options<Input>) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState(initialValues);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [isSubmitting, setIsSubmitting] = useState(false);

  const checked = useMemo(
    () => (mode === 'create' ? checkNewSegment(values) : checkSegmentUpdate(values)),
    [mode, values]
  );
  const shown = submitted ? checked : { errors: {} as FieldErrors, ruleErrors: {} as RuleErrors };
  const errors: FieldErrors = { ...serverErrors, ...shown.errors };

  const change = useCallback((next: (v: SegmentFormValues) => SegmentFormValues) => {
    setServerErrors({});
    setValues(next);
  }, []);
  const setName = useCallback((name: string) => change((v) => withName(v, name)), [change]);
  const setSegmentId = useCallback((id: string) => change((v) => withSegmentId(v, id)), [change]);
  const setDescription = useCallback(
    (description: string) => change((v) => ({ ...v, description })),
    [change]
  );
  const setKind = useCallback(
    (kind: SegmentFormValues['kind']) => change((v) => ({ ...v, kind })),
    [change]
  );
  const setRules = useCallback((rules: GroupNode) => change((v) => ({ ...v, rules })), [change]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    setSubmitted(true);
    const problems = Object.keys(checked.errors).length + countRuleErrors(checked.ruleErrors);
    if (problems > 0) {
      toggleNotification({
        type: 'warning',
        message: t('segmentForm.invalid', { count: problems }),
      });
      focusFirstError();
      return;
    }
    setIsSubmitting(true);
    try {
      await onSubmit(checked.input as Input);
      setSubmitted(false);
    } catch (error) {
      setServerErrors(fieldErrorsFromApi(error) ?? {});
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? t('notification.error'),
      });
    } finally {
      setIsSubmitting(false);
    }
  };

  return {
    values,
    errors,
    ruleErrors: shown.ruleErrors,
    /** The rules as they may be previewed now (null while they still need values). */
    previewRules:
      values.kind === 'rule' && countRuleErrors(checked.ruleErrors) === 0 ? values.rules : null,
    setName,
    setSegmentId,
    setDescription,
    setKind,
    setRules,
    reset: setValues,
    handleSubmit,
    isSubmitting,
  };
};

export type SegmentFormState = ReturnType<typeof useSegmentForm>;
