import { Badge, Button, Divider, Flex, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { Detail } from './ProfileCard';

interface ProfileSidePanelProps {
  customer: Customer;
  /** Absent when the admin may not delete customers: no Delete button then. */
  onDelete?: () => void;
}

/** The profile's right column: segments, where the profile came from, and Delete. */
export const ProfileSidePanel = ({ customer, onDelete }: ProfileSidePanelProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (value: string | null) =>
    value ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : t('profile.never');

  return (
    <Flex
      tag="aside"
      aria-label={t('profile.sidePanel')}
      direction="column"
      alignItems="stretch"
      gap={4}
      background="neutral0"
      padding={5}
      hasRadius
      shadow="tableShadow"
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h2" variant="sigma" textColor="neutral600">
          {t('profile.segments')}
        </Typography>
        {customer.segments.length === 0 ? (
          <Typography textColor="neutral500">{t('profile.segments.none')}</Typography>
        ) : (
          <Flex tag="ul" gap={2} wrap="wrap">
            {customer.segments.map((segment) => (
              <li key={segment.documentId}>
                <Badge title={segment.segmentId}>{segment.name}</Badge>
              </li>
            ))}
          </Flex>
        )}
      </Flex>
      <Divider />
      <Flex tag="dl" direction="column" alignItems="stretch" gap={3} style={{ margin: 0 }}>
        <Detail label={t('profile.source')}>{t(`source.${customer.source}`)}</Detail>
        <Detail label={t('profile.lastActivity')}>{when(customer.lastActivityAt)}</Detail>
        <Detail label={t('profile.created')}>{when(customer.createdAt)}</Detail>
        <Detail label={t('profile.updated')}>{when(customer.updatedAt)}</Detail>
      </Flex>
      {onDelete && (
        <>
          <Divider />
          <Button variant="danger-light" startIcon={<Trash />} fullWidth onClick={onDelete}>
            {t('profile.delete')}
          </Button>
        </>
      )}
    </Flex>
  );
};
