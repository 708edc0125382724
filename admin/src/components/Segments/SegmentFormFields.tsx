import { Box, Field, Flex, Grid, Radio, Textarea, Typography } from '@strapi/design-system';
import { useId } from 'react';
import { SEGMENT_KINDS } from '../../../../contracts/constants';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useSegments } from '../../services/api';
import { TextField } from '../CustomerForm/TextField';
import { ProfileCard } from '../Profile/ProfileCard';
import { RuleBuilder } from '../RuleBuilder/RuleBuilder';
import { ExternalSegmentHelp } from './ExternalSegmentHelp';
import { PreviewPanel } from './PreviewPanel';
import type { SegmentFormState } from './useSegmentForm';

interface SegmentFormFieldsProps {
  form: SegmentFormState;
  /** The stored segment's documentId (absent while creating: the kind may still change). */
  documentId?: string;
  /** The stored segment's ID, left out of the segments "is in segment" may pick. */
  ownSegmentId?: string;
  disabled?: boolean;
}

/**
 * The segment builder's inputs: name, ID (proposed from the name), description, kind (on create
 * only), then for rule segments the condition builder beside the live preview, for external
 * ones how a CRM pushes members.
 */
export const SegmentFormFields = ({
  form,
  documentId,
  ownSegmentId,
  disabled = false,
}: SegmentFormFieldsProps) => {
  const t = useT();
  const kindLabel = useId();
  const { canRead } = useSegmentPermissions();
  const segments = useSegments(canRead);
  const others = (segments.data?.data ?? []).filter((s) => s.segmentId !== ownSegmentId);
  const { values, errors } = form;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ProfileCard title={t('segmentForm.details')}>
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="name"
              label={t('segmentForm.name')}
              value={values.name}
              error={errors.name}
              disabled={disabled}
              onChange={form.setName}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="segmentId"
              label={t('segmentForm.segmentId')}
              hint={
                disabled
                  ? undefined
                  : values.idEdited
                    ? t('segmentForm.segmentId.hint')
                    : t('segmentForm.segmentId.auto')
              }
              value={values.segmentId}
              error={errors.segmentId}
              disabled={disabled}
              onChange={form.setSegmentId}
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="description"
              error={errors.description}
              hint={t('segmentForm.description.hint')}
            >
              <Field.Label>{t('segmentForm.description')}</Field.Label>
              <Textarea
                value={values.description}
                disabled={disabled}
                onChange={(e) => form.setDescription(e.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          {!documentId && (
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Typography id={kindLabel} variant="pi" fontWeight="bold" textColor="neutral800">
                {t('segmentForm.kind')}
              </Typography>
              <Box paddingTop={2}>
                <Radio.Group
                  aria-labelledby={kindLabel}
                  value={values.kind}
                  onValueChange={(kind) => form.setKind(kind as (typeof SEGMENT_KINDS)[number])}
                >
                  {SEGMENT_KINDS.map((kind) => (
                    <Radio.Item key={kind} value={kind}>
                      {t(`segmentForm.kind.${kind}`)}
                    </Radio.Item>
                  ))}
                </Radio.Group>
              </Box>
            </Grid.Item>
          )}
        </Grid.Root>
      </ProfileCard>
      {values.kind === 'rule' ? (
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <ProfileCard title={t('segmentForm.rules')}>
              {errors.rules && (
                <Typography textColor="danger600" role="alert">
                  {errors.rules}
                </Typography>
              )}
              <RuleBuilder
                value={values.rules}
                onChange={form.setRules}
                errors={form.ruleErrors}
                segments={others}
                disabled={disabled}
              />
            </ProfileCard>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <PreviewPanel rules={form.previewRules} />
          </Grid.Item>
        </Grid.Root>
      ) : (
        <ExternalSegmentHelp documentId={documentId} />
      )}
    </Flex>
  );
};
