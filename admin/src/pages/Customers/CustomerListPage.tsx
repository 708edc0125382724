import { Box, Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import { ExportCustomers } from '../../components/Export/ExportCustomers';
import { ImportCustomers } from '../../components/Import/ImportCustomers';
import { ActiveFilters } from '../../components/List/ActiveFilters';
import { BulkDeleteDialog } from '../../components/List/BulkDeleteDialog';
import { ColumnPicker } from '../../components/List/ColumnPicker';
import { CustomerSearch } from '../../components/List/CustomerSearch';
import { CustomerFilters } from '../../components/List/CustomerFilters';
import { CustomerTable } from '../../components/List/CustomerTable';
import { ListPagination } from '../../components/List/ListPagination';
import { SelectionBar } from '../../components/List/SelectionBar';
import { useColumnChoice } from '../../components/List/useColumnChoice';
import { DeleteDialog } from '../../components/DeleteDialog';
import { useListState } from '../../hooks/useListState';
import { useCustomerPermissions } from '../../hooks/usePermissions';
import { useRowSelection } from '../../hooks/useRowSelection';
import { useT } from '../../hooks/useT';
import { useCustomerApi, useCustomerList } from '../../services/api';
import { usePrivacyApi } from '../../services/privacy';
import { apiErrorMessage } from '../../utils/apiErrors';
import { customerName } from '../../utils/customerName';
import {
  countFilters,
  listRequestParams,
  toApiFilters,
  writeListState,
} from '../../utils/listQuery';
import { paths } from '../../utils/paths';

/**
 * The customer list: search, filters, 50 a page, select rows (or all matching) and delete them,
 * delete one from its "..." menu, open a profile. Buttons follow the admin's permissions.
 */
export const CustomerListPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [state, setState] = useListState();
  const { data, error, isLoading, reload } = useCustomerList(state);
  const permissions = useCustomerPermissions();
  const api = useCustomerApi();
  const privacy = usePrivacyApi();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [toDelete, setToDelete] = useState<Customer | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const columnChoice = useColumnChoice();

  const rows = data?.data ?? [];
  const total = data?.meta.pagination.total ?? 0;
  const selection = useRowSelection(
    rows.map((c) => c.documentId),
    total,
    listRequestParams(state).toString()
  );
  const filtered = countFilters(state.filters) > 0 || Boolean(state.filters.q);

  const pagination = data?.meta.pagination;

  // After deleting the last rows of the last page, show the page that now is the last one.
  useEffect(() => {
    if (pagination && state.page > Math.max(1, pagination.pageCount)) {
      setState({ page: Math.max(1, pagination.pageCount) });
    }
  }, [pagination, state.page, setState]);

  const notifyFailure = useCallback(
    (failure: unknown) =>
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      }),
    [t, toggleNotification]
  );

  // A failed load (e.g. a filter the server refuses) says why; the last good page stays shown.
  useEffect(() => {
    if (error) notifyFailure(error);
  }, [error, notifyFailure]);

  if (error && !data) return <Page.Error />;

  const deleteOne = async (customer: Customer) => {
    try {
      await api.remove(customer.documentId);
      toggleNotification({
        type: 'success',
        message: t('notification.deleted', { name: customerName(customer, t) }),
      });
      reload();
    } catch (failure) {
      notifyFailure(failure);
    }
  };

  const deleteSelected = async () => {
    const { selection: picked } = selection;
    try {
      const { deleted } = await api.bulkDelete(
        picked.mode === 'rows'
          ? { documentIds: picked.ids }
          : { all: true, filters: toApiFilters(state.filters) }
      );
      toggleNotification({
        type: 'success',
        message: t('notification.bulkDeleted', { count: deleted }),
      });
      selection.clear();
      reload();
    } catch (failure) {
      notifyFailure(failure);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('customers.title')}</Page.Title>
      <Layouts.Header
        title={t('customers.title')}
        subtitle={pagination ? t('customers.count', { total }) : undefined}
        primaryAction={
          <Flex gap={2}>
            <ExportCustomers
              filters={toApiFilters(state.filters)}
              filtered={filtered}
              selectedIds={selection.selection.mode === 'rows' ? selection.selection.ids : []}
              total={total}
            />
            <ImportCustomers onDone={reload} />
            {permissions.canCreate && (
              <Button tag={Link} to={paths.newCustomer} startIcon={<Plus />}>
                {t('customers.add')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <>
            <CustomerSearch
              q={state.filters.q}
              onSearch={(q) => setState({ page: 1, filters: { ...state.filters, q } })}
            />
            <CustomerFilters
              filters={state.filters}
              onApply={(filters) => setState({ page: 1, filters })}
            />
          </>
        }
        endActions={
          <ColumnPicker
            columns={columnChoice.columns}
            onToggle={columnChoice.toggle}
            onReset={columnChoice.reset}
          />
        }
        bottomActions={
          <ActiveFilters
            filters={state.filters}
            onRemove={(key) =>
              setState({ page: 1, filters: { ...state.filters, [key]: undefined } })
            }
          />
        }
      />
      <Layouts.Content>
        {isLoading || permissions.isLoading ? (
          <Page.Loading />
        ) : rows.length === 0 ? (
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={filtered ? t('customers.empty.filtered') : t('customers.empty')}
              action={
                filtered ? (
                  <Button variant="secondary" onClick={() => setState({ page: 1, filters: {} })}>
                    {t('filters.clearAll')}
                  </Button>
                ) : permissions.canCreate ? (
                  <Button
                    variant="secondary"
                    tag={Link}
                    to={paths.newCustomer}
                    startIcon={<Plus />}
                  >
                    {t('customers.add')}
                  </Button>
                ) : undefined
              }
            />
          </Box>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {permissions.canBulkUpdate && (
              <SelectionBar
                selection={selection}
                pageSize={rows.length}
                total={total}
                onDelete={() => setBulkOpen(true)}
              />
            )}
            <CustomerTable
              rows={rows}
              columns={columnChoice.columns}
              selection={permissions.canBulkUpdate ? selection : undefined}
              sort={state.sort}
              onSort={(sort) => setState({ sort, page: 1 })}
              onGdprExport={(customer) =>
                privacy.gdprExport(customer.documentId).catch(notifyFailure)
              }
              onDelete={
                permissions.canDelete
                  ? (customer) => {
                      setToDelete(customer);
                      setDeleteOpen(true);
                    }
                  : undefined
              }
            />
            {pagination && (
              <Flex justifyContent="flex-end">
                <ListPagination
                  page={pagination.page}
                  pageCount={pagination.pageCount}
                  hrefOf={(page) => `?${writeListState({ ...state, page })}`}
                />
              </Flex>
            )}
          </Flex>
        )}
      </Layouts.Content>
      <BulkDeleteDialog
        open={bulkOpen}
        onOpenChange={setBulkOpen}
        selection={selection.selection}
        count={selection.count}
        filtered={filtered}
        onConfirm={deleteSelected}
      />
      <DeleteDialog
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        message={toDelete ? t('delete.confirm.one', { name: customerName(toDelete, t) }) : ''}
        confirmLabel={t('actions.delete')}
        onConfirm={() => toDelete && deleteOne(toDelete)}
      />
    </Page.Main>
  );
};
