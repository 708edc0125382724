import { Button } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { CustomerInput } from '../../../../contracts/customers';
import { CustomerFormFields } from '../../components/CustomerForm/CustomerFormFields';
import { FormFooter } from '../../components/CustomerForm/FormFooter';
import { toFormValues } from '../../components/CustomerForm/formValues';
import { useCustomerForm } from '../../components/CustomerForm/useCustomerForm';
import { useT } from '../../hooks/useT';
import { useCustomerApi } from '../../services/api';
import { paths } from '../../utils/paths';

const emptyForm = toFormValues();

/** "Add customer": every field of a profile; on success, the new profile opens. */
export const CustomerCreatePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const api = useCustomerApi();
  const { toggleNotification } = useNotification();

  const form = useCustomerForm({
    initialValues: emptyForm,
    onSubmit: async (input: CustomerInput) => {
      const customer = await api.create(input);
      toggleNotification({ type: 'success', message: t('notification.created') });
      navigate(paths.customer(customer.documentId), { replace: true });
    },
  });

  return (
    <Page.Main>
      <Page.Title>{t('create.title')}</Page.Title>
      <form noValidate onSubmit={form.handleSubmit}>
        <Layouts.Header
          navigationAction={<BackButton fallback={paths.customers} />}
          title={t('create.title')}
          subtitle={t('create.subtitle')}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={form.isSubmitting}>
              {t('form.save')}
            </Button>
          }
        />
        <Layouts.Content>
          <CustomerFormFields values={form.values} errors={form.errors} setField={form.setField} />
          <FormFooter cancelTo={paths.customers} submitting={form.isSubmitting} />
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};
