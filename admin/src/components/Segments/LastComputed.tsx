import { Flex, Loader, Typography } from '@strapi/design-system';
import type { Segment } from '../../../../contracts/segments';
import { useT } from '../../hooks/useT';
import { RelativeTime } from '../RelativeTime';

interface LastComputedProps {
  segment: Pick<Segment, 'kind' | 'lastComputedAt'>;
  /** True while a recompute asked for here has not finished yet. */
  computing?: boolean;
}

/**
 * When the members were last computed ("3 minutes ago"), "computing…" while a rule segment is
 * being computed; for external segments, when a CRM last pushed members.
 */
export const LastComputed = ({ segment, computing }: LastComputedProps) => {
  const t = useT();
  if (segment.kind === 'rule' && (computing || !segment.lastComputedAt)) {
    return (
      <Flex gap={2} role="status">
        <Loader small>{t('segments.computing')}</Loader>
        <Typography textColor="neutral600">{t('segments.computing')}</Typography>
      </Flex>
    );
  }
  if (!segment.lastComputedAt) {
    return <Typography textColor="neutral600">{t('segments.neverPushed')}</Typography>;
  }
  return (
    <Typography textColor="neutral800">
      <RelativeTime value={segment.lastComputedAt} />
    </Typography>
  );
};
