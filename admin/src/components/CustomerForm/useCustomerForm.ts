import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CustomerInput } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { apiErrorMessage, fieldErrorsFromApi, type FieldErrors } from '../../utils/apiErrors';
import { toFormErrors, validateCustomerForm, type CustomerFormValues } from './formValues';

const focusFirstError = () =>
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus()
  );

interface Options {
  initialValues: CustomerFormValues;
  /** Sends the input; a thrown `FetchError` with field details lands on the fields. */
  onSubmit: (input: CustomerInput) => Promise<void>;
}

/**
 * State of the customer form shared by "Add customer" and the profile's edit mode: values,
 * messages under the fields (checked on submit, then on every change), and the submit itself.
 */
export const useCustomerForm = ({ initialValues, onSubmit }: Options) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);

  useEffect(() => {
    if (submitted) setErrors(validateCustomerForm(values).errors);
  }, [submitted, values]);

  const setField = useCallback(
    <K extends keyof CustomerFormValues>(key: K, value: CustomerFormValues[K]) =>
      setValues((previous) => ({ ...previous, [key]: value })),
    []
  );

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    setSubmitted(true);
    const checked = validateCustomerForm(values);
    if (Object.keys(checked.errors).length > 0) {
      setErrors(checked.errors);
      toggleNotification({ type: 'warning', message: t('form.invalid') });
      focusFirstError();
      return;
    }
    setIsSubmitting(true);
    try {
      await onSubmit(checked.input);
    } catch (error) {
      const fieldErrors = fieldErrorsFromApi(error);
      if (fieldErrors) setErrors(toFormErrors(fieldErrors, checked.rows));
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? t('notification.error'),
      });
      focusFirstError();
    } finally {
      setIsSubmitting(false);
    }
  };

  return { values, errors, setField, handleSubmit, isSubmitting };
};

export type CustomerFormState = ReturnType<typeof useCustomerForm>;
