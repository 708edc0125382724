import { Box, Button, EmptyStateLayout, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { SegmentTable } from '../../components/Segments/SegmentTable';
import { usePolling } from '../../hooks/usePolling';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useSegments } from '../../services/api';
import { apiErrorMessage } from '../../utils/apiErrors';
import { paths } from '../../utils/paths';

/**
 * The segments: name, ID, kind, members and when they were last computed. While a rule segment
 * is still computing the list refreshes every 2 s, so its member count appears by itself.
 */
export const SegmentListPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const permissions = useSegmentPermissions();
  const { data, error, isLoading, isFetching, reload } = useSegments();
  const segments = data?.data ?? [];
  const computing = segments.some((s) => s.kind === 'rule' && !s.lastComputedAt);
  usePolling(reload, { active: computing && !error, isFetching, ms: 2000 });

  useEffect(() => {
    if (error && data) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? t('notification.error'),
      });
    }
  }, [error, data, t, toggleNotification]);

  if (error && !data) return <Page.Error />;

  const create = permissions.canManage ? (
    <Button tag={Link} to={paths.newSegment} startIcon={<Plus />}>
      {t('segments.create')}
    </Button>
  ) : null;

  return (
    <Page.Main>
      <Page.Title>{t('segments.title')}</Page.Title>
      <Layouts.Header
        title={t('segments.title')}
        subtitle={data ? t('segments.count', { total: segments.length }) : undefined}
        primaryAction={create}
      />
      <Layouts.Content>
        {isLoading || permissions.isLoading ? (
          <Page.Loading />
        ) : segments.length === 0 ? (
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={permissions.canManage ? t('segments.empty') : t('segments.empty.readOnly')}
              action={
                permissions.canManage ? (
                  <Button variant="secondary" tag={Link} to={paths.newSegment} startIcon={<Plus />}>
                    {t('segments.create')}
                  </Button>
                ) : undefined
              }
            />
          </Box>
        ) : (
          <>
            <SegmentTable segments={segments} />
            <Box paddingTop={3}>
              <Typography variant="pi" textColor="neutral600">
                {t('segments.barHint')}
              </Typography>
            </Box>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
