import { useDebounce, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { RetentionSettings } from '../../../../contracts/retention';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { pluginPermissions } from '../../permissions';
import { useSegments } from '../../services/api';
import { useCustomerValues } from '../../services/customer-values';
import type { FieldErrors } from '../../utils/apiErrors';
import { TagsInput } from '../TagsInput';
import { PickList } from './PickList';

interface ExemptPickersProps {
  value: RetentionSettings;
  onChange: (change: Partial<RetentionSettings>) => void;
  errors: FieldErrors;
  disabled: boolean;
}

type ValueKey = 'exemptTerms' | 'exemptTags';

/** Terms or tags customers hold, searched on the server as the editor types. */
const ValuePicker = ({
  field,
  k,
  ...props
}: ExemptPickersProps & { field: 'terms' | 'tags'; k: ValueKey }) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const values = useCustomerValues(field, useDebounce(search, 250));
  const options = (values.data?.data ?? []).map((v) => ({ value: v, label: v }));
  return (
    <PickList
      name={k}
      label={t(k === 'exemptTerms' ? 'retention.exemptTerms' : 'retention.exemptTags')}
      hint={t(k === 'exemptTerms' ? 'retention.exemptTerms.pick' : 'retention.exemptTags.pick')}
      none={t(k === 'exemptTerms' ? 'retention.exemptTerms.none' : 'retention.exemptTags.none')}
      value={props.value[k]}
      options={options}
      onSearch={setSearch}
      loading={values.isFetching}
      error={props.errors[k]}
      disabled={props.disabled}
      onChange={(list) => props.onChange({ [k]: list })}
    />
  );
};

/**
 * Who retention keeps: terms, tags and segments chosen from what exists. An admin who may not
 * read customers (or segments) cannot list them, and types them as before.
 */
export const ExemptPickers = (props: ExemptPickersProps) => {
  const t = useT();
  const canReadCustomers = Boolean(useRBAC(pluginPermissions.readCustomers).allowedActions.canRead);
  const { canRead: canReadSegments } = useSegmentPermissions();
  const segments = useSegments(canReadSegments);
  const typed = (k: ValueKey | 'exemptSegments', label: string, hint: string) => (
    <TagsInput
      name={k}
      label={label}
      hint={hint}
      value={props.value[k]}
      disabled={props.disabled}
      error={props.errors[k]}
      onChange={(list) => props.onChange({ [k]: list })}
    />
  );
  return (
    <>
      {canReadCustomers ? (
        <>
          <ValuePicker {...props} field="terms" k="exemptTerms" />
          <ValuePicker {...props} field="tags" k="exemptTags" />
        </>
      ) : (
        <>
          {typed('exemptTerms', t('retention.exemptTerms'), t('retention.exempt.hint'))}
          {typed('exemptTags', t('retention.exemptTags'), t('retention.exempt.hint'))}
        </>
      )}
      {canReadSegments ? (
        <PickList
          name="exemptSegments"
          label={t('retention.exemptSegments')}
          hint={t('retention.exemptSegments.pick')}
          none={t('retention.exemptSegments.none')}
          value={props.value.exemptSegments}
          options={(segments.data?.data ?? []).map((s) => ({ value: s.segmentId, label: s.name }))}
          loading={segments.isFetching}
          error={props.errors.exemptSegments}
          disabled={props.disabled}
          onChange={(exemptSegments) => props.onChange({ exemptSegments })}
        />
      ) : (
        typed('exemptSegments', t('retention.exemptSegments'), t('retention.exemptSegments.hint'))
      )}
    </>
  );
};
