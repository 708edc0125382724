import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useSegments } from '../../services/api';

interface SegmentFilterFieldProps {
  /** The segment's ID (`segmentId`), as the list filter takes it. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * The segment filter: a choice among the segments when the admin may read them, else the
 * segment's ID typed in.
 */
export const SegmentFilterField = ({ value, onChange }: SegmentFilterFieldProps) => {
  const t = useT();
  const { canRead } = useSegmentPermissions();
  const segments = useSegments(canRead);
  const options = segments.data?.data ?? [];
  return (
    <Field.Root
      name="filter-segment"
      hint={options.length > 0 ? undefined : t('filters.segment.hint')}
    >
      <Field.Label>{t('filters.segment')}</Field.Label>
      {options.length > 0 ? (
        <SingleSelect
          value={value}
          onChange={(next) => onChange(String(next))}
          onClear={() => onChange('')}
          clearLabel={t('form.clear')}
          placeholder={t('filters.segment.any')}
        >
          {options.map((segment) => (
            <SingleSelectOption key={segment.documentId} value={segment.segmentId}>
              {segment.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      ) : (
        <TextInput value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      <Field.Hint />
    </Field.Root>
  );
};
