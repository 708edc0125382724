import {
  Badge,
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useState } from 'react';
import type { AbVariant, PreviewAudience } from '../../../../contracts/audience';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { useSegments } from '../../services/api';
import { blockLabel } from './hasAudience';
import { PreviewAsLink } from './PreviewAsLink';

/** The select's value for "All other users" (`*` is never part of a segment ID). */
const EVERYONE = '*';

interface ViewAsContentProps {
  uid: string;
  documentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  segment: string;
  onSegmentChange: (segment: string) => void;
  /** Whether the entry (or one of its blocks) is a variant of an A/B test: only then A or B. */
  inAbTest: boolean;
}

/** The picker and the entry as that audience gets it: shown or not, and the blocks kept. */
export const ViewAsContent = ({
  uid,
  documentId,
  locale,
  status,
  segment,
  onSegmentChange,
  inAbTest,
}: ViewAsContentProps) => {
  const t = useT();
  const segments = useSegments().data?.data ?? [];
  const [chosen, setVariant] = useState<AbVariant>('A');
  const variant = inAbTest ? chosen : 'A';
  // Variant A is what visitors without a known customer get anyway: only B needs the header.
  const params = new URLSearchParams({ uid, documentId, status });
  if (variant === 'B') params.set('variant', 'B');
  if (segment) params.set('segment', segment);
  if (locale) params.set('locale', locale);
  const preview = useApiQuery<PreviewAudience.Response>(
    `/${PLUGIN_ID}/personalization/preview?${params}`
  );
  const data = preview.data?.data;
  const entry = data?.entry ?? {};

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Field.Root name="segments-view-as">
        <Field.Label>{t('viewAs.viewAs')}</Field.Label>
        <SingleSelect
          value={segment || EVERYONE}
          onChange={(next) => onSegmentChange(next === EVERYONE ? '' : String(next))}
        >
          <SingleSelectOption value={EVERYONE}>{t('audience.everyone')}</SingleSelectOption>
          {segments.map((s) => (
            <SingleSelectOption key={s.documentId} value={s.segmentId}>
              {s.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {inAbTest && (
        <Field.Root name="segments-view-as-variant" hint={t('viewAs.variant.hint')}>
          <Field.Label>{t('viewAs.variant')}</Field.Label>
          <SingleSelect value={variant} onChange={(next) => setVariant(next as AbVariant)}>
            {(['A', 'B'] as const).map((v) => (
              <SingleSelectOption key={v} value={v}>
                {t('audience.variantName', { variant: v })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      )}
      {preview.error ? (
        <Typography variant="pi" textColor="danger600">
          {t('viewAs.error')}
        </Typography>
      ) : data ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Box>
            <Badge active={data.visible}>
              {data.visible ? t('viewAs.shown') : t('viewAs.hidden')}
            </Badge>
          </Box>
          {data.visible &&
            Object.entries(data.totals)
              .filter(([, total]) => total > 0)
              .map(([field, total]) => {
                const kept = (entry[field] as Record<string, unknown>[] | undefined) ?? [];
                return (
                  <Box key={field}>
                    <Typography variant="sigma" tag="p">
                      {t('viewAs.blocks', { field, shown: kept.length, total })}
                    </Typography>
                    {kept.map((block, i) => (
                      <Typography key={i} variant="pi" tag="p">
                        {`• ${blockLabel(block)}`}
                      </Typography>
                    ))}
                  </Box>
                );
              })}
        </Flex>
      ) : null}
      <PreviewAsLink
        uid={uid}
        documentId={documentId}
        locale={locale}
        status={status}
        segment={segment}
        variant={variant}
        audienceName={segments.find((s) => s.segmentId === segment)?.name ?? t('audience.everyone')}
      />
    </Flex>
  );
};
