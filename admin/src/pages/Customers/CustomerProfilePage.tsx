import { Button, EmptyStateLayout, Flex, Grid, LinkButton } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { DeleteDialog } from '../../components/DeleteDialog';
import { CustomerConsents } from '../../components/Profile/CustomerConsents';
import { CustomerDetails } from '../../components/Profile/CustomerDetails';
import { CustomerTags } from '../../components/Profile/CustomerTags';
import { ProfileActions } from '../../components/Profile/ProfileActions';
import { ProfileSidePanel } from '../../components/Profile/ProfileSidePanel';
import { useCustomerPermissions, useSettingsPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useCustomer, useCustomerApi, useSettings } from '../../services/api';
import { apiErrorMessage, apiErrorStatus } from '../../utils/apiErrors';
import { customerName } from '../../utils/customerName';
import { paths } from '../../utils/paths';

/**
 * A customer's profile: details, tags, subscriptions and terms, segments, and the latest
 * activity; Edit opens the same form as "Add customer", Delete sits in the right-hand panel.
 */
export const CustomerProfilePage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const api = useCustomerApi();
  const permissions = useCustomerPermissions();
  const settingsPermissions = useSettingsPermissions();
  const { data, error, isLoading, reload } = useCustomer(documentId);
  const settings = useSettings(settingsPermissions.canRead);
  // The profile as last saved here (tags), else as loaded.
  const [saved, setSaved] = useState<Customer>();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const customer = saved?.documentId === documentId ? saved : data?.data;

  if (isLoading || permissions.isLoading) return <Page.Loading />;
  if (apiErrorStatus(error) === 404) {
    return (
      <Page.Main>
        <Layouts.Header
          navigationAction={<BackButton fallback={paths.customers} />}
          title={t('profile.notFound.title')}
        />
        <Layouts.Content>
          <EmptyStateLayout
            icon={<EmptyDocuments width="16rem" />}
            content={t('profile.notFound')}
            action={
              <LinkButton tag={Link} to={paths.customers} variant="secondary">
                {t('profile.backToList')}
              </LinkButton>
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (error || !customer) return <Page.Error />;

  const name = customerName(customer, t);
  // An anonymized profile holds nothing left to edit or tag (its tags are gone too).
  const canEdit = permissions.canUpdate && customer.anonymizedAt === null;
  const remove = async () => {
    try {
      await api.remove(customer.documentId);
      toggleNotification({ type: 'success', message: t('notification.deleted', { name }) });
      navigate(paths.customers, { replace: true });
    } catch (failure) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    }
  };

  return (
    <Page.Main>
      <Page.Title>{name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.customers} />}
        title={name}
        subtitle={customer.jobTitle ?? undefined}
        primaryAction={
          canEdit ? (
            <Button tag={Link} to={paths.editCustomer(customer.documentId)} startIcon={<Pencil />}>
              {t('profile.edit')}
            </Button>
          ) : null
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <CustomerDetails customer={customer} />
              {customer.anonymizedAt === null && (
                <CustomerTags
                  customer={customer}
                  groups={settings.data?.data.tagGroups ?? []}
                  canUpdate={permissions.canUpdate}
                  onSaved={setSaved}
                />
              )}
              <CustomerConsents customer={customer} />
              <ActivityTimeline documentId={customer.documentId} />
            </Flex>
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <ProfileSidePanel
              customer={customer}
              actions={
                <ProfileActions
                  customer={customer}
                  onChanged={() => {
                    setSaved(undefined);
                    reload();
                  }}
                />
              }
              onDelete={permissions.canDelete ? () => setDeleteOpen(true) : undefined}
            />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      <DeleteDialog
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        message={t('delete.confirm.one', { name })}
        confirmLabel={t('actions.delete')}
        onConfirm={remove}
      />
    </Page.Main>
  );
};
