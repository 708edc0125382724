import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import { CustomerFormFields } from '../../components/CustomerForm/CustomerFormFields';
import { FormFooter } from '../../components/CustomerForm/FormFooter';
import { toFormValues } from '../../components/CustomerForm/formValues';
import { useCustomerForm } from '../../components/CustomerForm/useCustomerForm';
import { useT } from '../../hooks/useT';
import { useCustomer, useCustomerApi } from '../../services/api';
import { customerName } from '../../utils/customerName';
import { paths } from '../../utils/paths';

/** The profile's edit mode: the "Add customer" form filled in, saved with PUT. */
const EditForm = ({ customer }: { customer: Customer }) => {
  const t = useT();
  const navigate = useNavigate();
  const api = useCustomerApi();
  const { toggleNotification } = useNotification();
  const initialValues = useMemo(() => toFormValues(customer), [customer]);
  const profile = paths.customer(customer.documentId);

  const form = useCustomerForm({
    initialValues,
    onSubmit: async (input) => {
      await api.update(customer.documentId, input);
      toggleNotification({ type: 'success', message: t('notification.saved') });
      navigate(profile, { replace: true });
    },
  });

  const name = customerName(customer, t);
  return (
    <form noValidate onSubmit={form.handleSubmit}>
      <Page.Title>{t('edit.title', { name })}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={profile} />}
        title={t('edit.title', { name })}
        primaryAction={
          <Flex gap={2}>
            <Button tag={Link} to={profile} variant="tertiary">
              {t('form.cancel')}
            </Button>
            <Button type="submit" startIcon={<Check />} loading={form.isSubmitting}>
              {t('form.save')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <CustomerFormFields values={form.values} errors={form.errors} setField={form.setField} />
        <FormFooter cancelTo={profile} submitting={form.isSubmitting} />
      </Layouts.Content>
    </form>
  );
};

/** Loads the profile, then shows its edit form (the route is guarded by customers.update). */
export const CustomerEditPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { data, error, isLoading } = useCustomer(documentId);
  if (isLoading) return <Page.Loading />;
  if (error || !data) return <Page.Error />;
  return (
    <Page.Main>
      <EditForm customer={data.data} />
    </Page.Main>
  );
};
