import { EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../hooks/useT';
import { useSegment } from '../../services/segments';
import { apiErrorStatus } from '../../utils/apiErrors';
import { paths } from '../../utils/paths';
import { SegmentDetail } from './SegmentDetail';

/** A segment's page: loads it, then shows its rules, members and size over time. */
export const SegmentPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const query = useSegment(documentId);
  if (query.isLoading) return <Page.Loading />;
  if (apiErrorStatus(query.error) === 404) {
    return (
      <Page.Main>
        <Layouts.Header
          navigationAction={<BackButton fallback={paths.segments} />}
          title={t('segment.notFound.title')}
        />
        <Layouts.Content>
          <EmptyStateLayout
            icon={<EmptyDocuments width="16rem" />}
            content={t('segment.notFound')}
            action={
              <LinkButton tag={Link} to={paths.segments} variant="secondary">
                {t('segment.backToList')}
              </LinkButton>
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!query.data) return <Page.Error />;
  return <SegmentDetail key={documentId} segment={query.data.data} query={query} />;
};
