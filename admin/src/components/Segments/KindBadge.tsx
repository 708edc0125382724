import { Badge } from '@strapi/design-system';
import type { SegmentKind } from '../../../../contracts/constants';
import { useT } from '../../hooks/useT';

/** "Rules" or "External (CRM)": how the segment gets its members. */
export const KindBadge = ({ kind }: { kind: SegmentKind }) => {
  const t = useT();
  return (
    <Badge variant={kind === 'rule' ? 'primary' : 'secondary'}>{t(`segments.kind.${kind}`)}</Badge>
  );
};
