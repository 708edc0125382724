import { Badge, Box, Button, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { TimelineEvent } from '../../../contracts/customer-events';
import { useT } from '../hooks/useT';
import { useCustomerEvents } from '../services/api';
import { ProfileCard } from './Profile/ProfileCard';
import { itemKey, useItemTitles } from './Profile/useItemTitles';

const PAGE_SIZE = 20;

/** What the event was about: the content item's title, else the page visited, else its id. */
const subjectOf = (event: TimelineEvent, titles: Map<string, string>) => {
  const key = itemKey(event);
  return (
    (key && titles.get(key)) ??
    event.url ??
    (event.itemUid
      ? `${event.itemUid}${event.itemDocumentId ? ` · ${event.itemDocumentId}` : ''}`
      : null)
  );
};

/** The "Latest activity" timeline of a customer: tracked events, newest first, 20 a page. */
export const ActivityTimeline = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const [page, setPage] = useState(1);
  const { data, error, isLoading, isFetching } = useCustomerEvents(documentId, page, PAGE_SIZE);
  const pagination = data?.meta.pagination;
  const titles = useItemTitles(data?.data);

  return (
    <ProfileCard title={t('timeline.title')}>
      {isLoading ? (
        <Flex justifyContent="center" padding={6}>
          <Loader small>{t('timeline.loading')}</Loader>
        </Flex>
      ) : error && !data ? (
        <Typography textColor="danger600" role="alert">
          {t('timeline.error')}
        </Typography>
      ) : !data || data.data.length === 0 ? (
        <Typography textColor="neutral500">{t('timeline.empty')}</Typography>
      ) : (
        <Box tag="ol" aria-busy={isFetching} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.data.map((event) => {
            const subject = subjectOf(event, titles);
            const campaign = [
              event.utmSource,
              event.utmMedium,
              event.utmCampaign,
              event.utmTerm,
              event.utmContent,
            ].filter(Boolean);
            return (
              <Flex
                tag="li"
                key={event.documentId}
                gap={4}
                paddingTop={3}
                paddingBottom={3}
                borderColor="neutral150"
                style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}
                alignItems="flex-start"
              >
                <Box minWidth="14rem">
                  <Typography variant="pi" textColor="neutral600">
                    <time dateTime={event.occurredAt}>
                      {formatDate(event.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </Typography>
                </Box>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Badge>{event.type}</Badge>
                  {subject &&
                    (event.url ? (
                      <Link href={event.url} isExternal title={event.url}>
                        {subject}
                      </Link>
                    ) : (
                      <Typography textColor="neutral800">{subject}</Typography>
                    ))}
                  {event.referrer && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('timeline.referrer', { referrer: event.referrer })}
                    </Typography>
                  )}
                  {campaign.length > 0 && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('timeline.campaign', { campaign: campaign.join(' / ') })}
                    </Typography>
                  )}
                </Flex>
              </Flex>
            );
          })}
        </Box>
      )}
      {pagination && pagination.pageCount > 1 && (
        <Flex justifyContent="space-between" gap={2}>
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('timeline.newer')}
          </Button>
          <Typography variant="pi" textColor="neutral600" aria-live="polite">
            {t('timeline.page', { page: pagination.page, pageCount: pagination.pageCount })}
          </Typography>
          <Button
            variant="tertiary"
            disabled={page >= pagination.pageCount}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('timeline.older')}
          </Button>
        </Flex>
      )}
    </ProfileCard>
  );
};
