import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useSegments } from '../../services/api';
import { paths } from '../../utils/paths';
import { SegmentExplanations } from './SegmentExplanations';

/**
 * The profile's segments: each links to its page (for admins who may read segments), and
 * "Why?" opens, for every rule segment, whether the customer is in and which condition decided.
 */
export const CustomerSegments = ({ customer }: { customer: Customer }) => {
  const t = useT();
  const id = useId();
  const { canRead } = useSegmentPermissions();
  const [open, setOpen] = useState(false);
  const segments = useSegments(canRead && open);

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex justifyContent="space-between" gap={2}>
        <Typography tag="h2" variant="sigma" textColor="neutral600">
          {t('profile.segments')}
        </Typography>
        {canRead && (
          <TextButton aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
            {open ? t('explain.hide') : t('explain.why')}
          </TextButton>
        )}
      </Flex>
      {customer.segments.length === 0 ? (
        <Typography textColor="neutral500">{t('profile.segments.none')}</Typography>
      ) : (
        <Flex tag="ul" gap={2} wrap="wrap">
          {customer.segments.map((segment) => (
            <li key={segment.documentId}>
              {canRead ? (
                <Link
                  to={paths.segment(segment.documentId)}
                  title={segment.segmentId}
                  style={{ textDecoration: 'none' }}
                >
                  <Badge variant="primary">{segment.name}</Badge>
                </Link>
              ) : (
                <Badge title={segment.segmentId}>{segment.name}</Badge>
              )}
            </li>
          ))}
        </Flex>
      )}
      <Box id={id} aria-live="polite">
        {open && (
          <SegmentExplanations
            customerDocumentId={customer.documentId}
            segments={segments.data?.data ?? []}
          />
        )}
      </Box>
    </Flex>
  );
};
