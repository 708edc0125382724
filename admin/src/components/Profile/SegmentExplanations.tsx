import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { Segment } from '../../../../contracts/segments';
import { useCollectionTypes } from '../../hooks/useContentTypes';
import { useT } from '../../hooks/useT';
import { useSegmentExplain } from '../../services/segments';
import { paths } from '../../utils/paths';
import { describeCondition } from '../../utils/ruleSentence';
import { conditionHeld } from '../../utils/ruleTree';

interface SegmentExplanationsProps {
  customerDocumentId: string;
  /** The segments as listed (their pages, names and rules). */
  segments: Segment[];
}

/**
 * The answer to "Why?": for every rule segment, in or out, and the condition that decided it
 * as a short sentence ("Not true: Did “View” on any Article at least 2 times in the last 30
 * days").
 */
export const SegmentExplanations = ({ customerDocumentId, segments }: SegmentExplanationsProps) => {
  const t = useT();
  const { data, error, isLoading } = useSegmentExplain(customerDocumentId);
  const { types } = useCollectionTypes();
  const bySegmentId = new Map(segments.map((s) => [s.segmentId, s]));
  const names = {
    segments: Object.fromEntries(segments.map((s) => [s.segmentId, s.name])),
    contentTypes: Object.fromEntries(types.map((ct) => [ct.uid, ct.displayName])),
  };

  if (isLoading) return <Loader small>{t('explain.loading')}</Loader>;
  if (error || !data) {
    return (
      <Typography textColor="danger600" role="alert">
        {t('explain.error')}
      </Typography>
    );
  }
  if (data.data.length === 0) {
    return <Typography textColor="neutral600">{t('explain.none')}</Typography>;
  }
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {data.data.map((item) => {
        const segment = bySegmentId.get(item.segmentId);
        const decided = item.decidedBy;
        const held =
          decided && segment?.rules
            ? conditionHeld(segment.rules, decided.path, item.member)
            : null;
        const sentence = decided ? describeCondition(decided.condition, t, names) : null;
        return (
          <Flex key={item.segmentId} tag="li" direction="column" alignItems="flex-start" gap={1}>
            <Flex gap={2} wrap="wrap">
              <Badge variant={item.member ? 'success' : 'neutral'}>
                {item.member ? t('explain.in') : t('explain.out')}
              </Badge>
              {segment ? (
                <Typography
                  tag={Link}
                  to={paths.segment(segment.documentId)}
                  fontWeight="semiBold"
                  textColor="primary600"
                >
                  {item.name}
                </Typography>
              ) : (
                <Typography fontWeight="semiBold">{item.name}</Typography>
              )}
            </Flex>
            <Typography variant="pi" textColor="neutral700">
              {sentence === null
                ? t('explain.noCondition')
                : held === null
                  ? t('explain.decidedBy', { condition: sentence })
                  : held
                    ? t('explain.true', { condition: sentence })
                    : t('explain.false', { condition: sentence })}
            </Typography>
          </Flex>
        );
      })}
    </Flex>
  );
};
