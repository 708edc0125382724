import { Box, Button, EmptyStateLayout } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { AbTest, AbTestInput } from '../../../../contracts/ab-tests';
import { DeleteDialog } from '../../components/DeleteDialog';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useAbTestApi, useAbTests } from '../../services/ab-tests';
import { apiErrorMessage } from '../../utils/apiErrors';
import { AbTestFormModal } from './AbTestFormModal';
import { AbTestTable } from './AbTestTable';

/** The A/B tests, with create, edit and delete for admins who manage segments. */
export const AbTestListPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const permissions = useSegmentPermissions();
  const api = useAbTestApi();
  const { data, error, isLoading, reload } = useAbTests();
  // undefined: closed; null: a new test; a test: editing it.
  const [editing, setEditing] = useState<AbTest | null>();
  const [deleting, setDeleting] = useState<AbTest>();
  const tests = data?.data ?? [];

  if (error && !data) return <Page.Error />;

  const save = async (input: AbTestInput) => {
    if (editing) await api.update(editing.documentId, input);
    else await api.create(input);
    toggleNotification({ type: 'success', message: t('abTests.saved', { name: input.name }) });
    reload();
  };

  const remove = async (test: AbTest) => {
    setDeleting(undefined);
    try {
      await api.remove(test.documentId);
      toggleNotification({ type: 'success', message: t('abTests.deleted', { name: test.name }) });
    } catch (e) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(e) ?? t('notification.error'),
      });
    }
    reload();
  };

  const create = permissions.canManage ? (
    <Button startIcon={<Plus />} onClick={() => setEditing(null)}>
      {t('abTests.create')}
    </Button>
  ) : null;

  return (
    <Page.Main>
      <Page.Title>{t('abTests.title')}</Page.Title>
      <Layouts.Header
        title={t('abTests.title')}
        subtitle={t('abTests.subtitleList')}
        primaryAction={create}
      />
      <Layouts.Content>
        {isLoading || permissions.isLoading ? (
          <Page.Loading />
        ) : tests.length === 0 ? (
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={t('abTests.empty')}
              action={create}
            />
          </Box>
        ) : (
          <AbTestTable
            tests={tests}
            onEdit={permissions.canManage ? setEditing : undefined}
            onDelete={permissions.canManage ? setDeleting : undefined}
          />
        )}
      </Layouts.Content>
      <AbTestFormModal
        open={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        test={editing ?? undefined}
        onSave={save}
      />
      <DeleteDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title={t('abTests.delete.title')}
        message={t('abTests.delete.confirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('actions.delete')}
        onConfirm={() => deleting && remove(deleting)}
      />
    </Page.Main>
  );
};
