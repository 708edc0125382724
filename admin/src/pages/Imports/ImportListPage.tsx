import { Box, EmptyStateLayout } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page } from '@strapi/strapi/admin';
import { ImportCustomers } from '../../components/Import/ImportCustomers';
import { ImportTable } from '../../components/Import/ImportTable';
import { usePolling } from '../../hooks/usePolling';
import { useT } from '../../hooks/useT';
import { useImports } from '../../services/imports';
import { isActive } from '../../utils/importProgress';

/**
 * The import history (the latest 50): file, status, who, when, counts; a row opens its report.
 * Refreshes every 2 s while an import is queued or running.
 */
export const ImportListPage = () => {
  const t = useT();
  const { data, error, isLoading, isFetching, reload } = useImports();
  const jobs = data?.data ?? [];
  usePolling(reload, { active: jobs.some(isActive) && !error, isFetching, ms: 2000 });

  if (error && !data) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{t('imports.title')}</Page.Title>
      <Layouts.Header
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        primaryAction={<ImportCustomers onDone={reload} />}
      />
      <Layouts.Content>
        {isLoading ? (
          <Page.Loading />
        ) : jobs.length === 0 ? (
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={t('imports.empty')}
            />
          </Box>
        ) : (
          <ImportTable jobs={jobs} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
