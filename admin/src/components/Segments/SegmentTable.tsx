import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import type { Segment } from '../../../../contracts/segments';
import { useT } from '../../hooks/useT';
import { paths } from '../../utils/paths';
import { KindBadge } from './KindBadge';
import { LastComputed } from './LastComputed';
import { MemberBar } from './MemberBar';
import { HeaderRow } from '../HeaderRow';
import { RowLink } from '../RowLink';

/** The name link handles its own click; the row's click would open the page twice. */
/** Every segment with its ID, kind, members (as a bar against the largest) and last compute. */
export const SegmentTable = ({ segments }: { segments: Segment[] }) => {
  const t = useT();
  const navigate = useNavigate();
  const max = Math.max(0, ...segments.map((s) => s.memberCount));
  return (
    <Table colCount={5} rowCount={segments.length + 1}>
      <HeaderRow
        labels={[
          t('segments.column.name'),
          t('segments.column.segmentId'),
          t('segments.column.kind'),
          t('segments.column.members'),
          t('segments.column.computed'),
        ]}
      />
      <Tbody>
        {segments.map((segment) => (
          <Tr
            key={segment.documentId}
            cursor="pointer"
            onClick={() => navigate(paths.segment(segment.documentId))}
          >
            <Td>
              <RowLink to={paths.segment(segment.documentId)}>{segment.name}</RowLink>
            </Td>
            <Td>
              <Typography textColor="neutral600" tag="code">
                {segment.segmentId}
              </Typography>
            </Td>
            <Td>
              <KindBadge kind={segment.kind} />
            </Td>
            <Td>
              {segment.lastComputedAt ? (
                <MemberBar count={segment.memberCount} max={max} />
              ) : (
                // Never computed (or never pushed): 0 would claim the segment is empty.
                <Typography textColor="neutral600">
                  {segment.kind === 'rule' ? t('segments.notComputed') : t('segments.notPushed')}
                </Typography>
              )}
            </Td>
            <Td>
              <LastComputed segment={segment} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
