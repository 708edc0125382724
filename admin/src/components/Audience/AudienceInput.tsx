import {
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  VisuallyHidden,
} from '@strapi/design-system';
import * as React from 'react';
import {
  AB_VARIANTS,
  parseAudience,
  serializeAudience,
  type AbVariant,
  type Audience,
} from '../../../../contracts/audience';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useSegments } from '../../services/api';
import { useAbTests } from './useAbTests';

/** The props the Content Manager gives a custom field's input (those used here). */
interface AudienceInputProps {
  name: string;
  value?: unknown;
  onChange: (name: string, value: string | null) => void;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/** The select's value for "none": `*` cannot be part of a segment ID or a documentId. */
const NONE = '*';

/** A select of its own inside the field's row, named for screen readers (the row shows no label). */
const SubField = ({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: React.ReactNode;
}) => (
  <Field.Root name={name}>
    <VisuallyHidden>
      <Field.Label>{label}</Field.Label>
    </VisuallyHidden>
    {children}
  </Field.Root>
);

/**
 * The Audience field in the edit view: a segment ("All other users" when none) and, optionally,
 * an A/B test and its variant. The value is written in its canonical string form.
 */
const AudienceInput = React.forwardRef<HTMLDivElement, AudienceInputProps>(
  ({ name, value, onChange, label, hint, error, required, disabled }, ref) => {
    const t = useT();
    const audience = parseAudience(value);
    const { canRead } = useSegmentPermissions();
    const segments = useSegments(canRead).data?.data ?? [];
    const { tests } = useAbTests(canRead);
    const change = (patch: Partial<Audience>) => {
      const next = { ...audience, ...patch };
      if (!next.abTest) next.variant = null;
      else if (!next.variant) next.variant = 'A';
      onChange(name, serializeAudience(next));
    };
    const known = segments.some((s) => s.segmentId === audience.segment);

    return (
      <Field.Root name={name} hint={hint} error={error} required={required} ref={ref}>
        <Field.Label>{label}</Field.Label>
        <Flex gap={2} alignItems="flex-start" wrap="wrap">
          <Box minWidth="240px" flex="2">
            {segments.length > 0 || !canRead ? (
              <SingleSelect
                aria-label={t('audience.segment')}
                value={audience.segment ? (known ? audience.segment : undefined) : NONE}
                disabled={disabled || segments.length === 0}
                onChange={(next) => change({ segment: next === NONE ? null : String(next) })}
                placeholder={
                  audience.segment && !known
                    ? t('audience.unknownSegment', { id: audience.segment })
                    : t('audience.everyone')
                }
              >
                <SingleSelectOption value={NONE}>{t('audience.everyone')}</SingleSelectOption>
                {segments.map((s) => (
                  <SingleSelectOption key={s.documentId} value={s.segmentId}>
                    {`${s.name} (${s.segmentId})`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            ) : (
              <TextInput
                aria-label={t('audience.segment')}
                placeholder={t('audience.everyone')}
                value={audience.segment ?? ''}
                disabled={disabled}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  change({ segment: e.target.value.trim() || null })
                }
              />
            )}
          </Box>
          {tests && (tests.length > 0 || audience.abTest) && (
            <>
              <Box minWidth="200px" flex="2">
                <SubField name={`${name}-ab-test`} label={t('audience.abTest')}>
                  <SingleSelect
                    value={audience.abTest ?? NONE}
                    disabled={disabled}
                    onChange={(next) => change({ abTest: next === NONE ? null : String(next) })}
                    placeholder={t('audience.noAbTest')}
                  >
                    <SingleSelectOption value={NONE}>{t('audience.noAbTest')}</SingleSelectOption>
                    {tests.map((test) => (
                      <SingleSelectOption key={test.documentId} value={test.documentId}>
                        {test.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </SubField>
              </Box>
              {audience.abTest && (
                <Box minWidth="120px" flex="1">
                  <SubField name={`${name}-variant`} label={t('audience.variant')}>
                    <SingleSelect
                      value={audience.variant ?? 'A'}
                      disabled={disabled}
                      onChange={(next) => change({ variant: next as AbVariant })}
                    >
                      {AB_VARIANTS.map((v) => (
                        <SingleSelectOption key={v} value={v}>
                          {t('audience.variantName', { variant: v })}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </SubField>
                </Box>
              )}
            </>
          )}
        </Flex>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default AudienceInput;
