import { Box, EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { ImportReport } from '../../components/Import/ImportReport';
import { useImportJobProgress } from '../../hooks/useImportJobProgress';
import { useT } from '../../hooks/useT';
import { apiErrorStatus } from '../../utils/apiErrors';
import { paths } from '../../utils/paths';

/**
 * One import's report at /plugins/segments/imports/:id (the report email links here): live
 * progress while it runs, then the counts, errors and error file.
 */
export const ImportJobPage = () => {
  const t = useT();
  const { id: param = '' } = useParams<{ id: string }>();
  const id = /^\d+$/.test(param) ? Number(param) : null;
  const { job, error, isLoading } = useImportJobProgress(id);

  if (id !== null && isLoading) return <Page.Loading />;
  if (id === null || apiErrorStatus(error) === 404) {
    return (
      <Page.Main>
        <Layouts.Header
          navigationAction={<BackButton fallback={paths.imports} />}
          title={t('import.notFound.title')}
        />
        <Layouts.Content>
          <EmptyStateLayout
            icon={<EmptyDocuments width="16rem" />}
            content={t('import.notFound')}
            action={
              <LinkButton tag={Link} to={paths.imports} variant="secondary">
                {t('import.backToList')}
              </LinkButton>
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!job) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{t('import.pageTitle', { name: job.fileName })}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.imports} />}
        title={t('import.pageTitle', { name: job.fileName })}
        subtitle={job.dryRun ? t('import.dryRun.subtitle') : undefined}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <ImportReport job={job} />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
