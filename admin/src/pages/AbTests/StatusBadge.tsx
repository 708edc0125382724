import { Badge } from '@strapi/design-system';
import type { AbTestStatus } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';

const VARIANT = { draft: 'neutral', running: 'success', stopped: 'secondary' } as const;

/** Draft, Running or Stopped. */
export const StatusBadge = ({ status }: { status: AbTestStatus }) => {
  const t = useT();
  return <Badge variant={VARIANT[status]}>{t(`abTests.status.${status}`)}</Badge>;
};
