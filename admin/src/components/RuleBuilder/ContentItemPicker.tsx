import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useEntries, useEntry, useMainField } from '../../hooks/useContentTypes';
import { useT } from '../../hooks/useT';
import { entryTitle } from '../../utils/contentTypes';
import { Cell } from './controls';

interface ContentItemPickerProps {
  name: string;
  uid: string;
  documentId: string;
  onChange: (documentId: string) => void;
  disabled: boolean;
}

/**
 * Picks one entry of a collection type by its title: typing searches the Content Manager
 * (`_q`, 20 at a time); the stored item shows with its title.
 */
export const ContentItemPicker = ({
  name,
  uid,
  documentId,
  onChange,
  disabled,
}: ContentItemPickerProps) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebounce(search, 300);
  const mainField = useMainField(uid);
  const entries = useEntries(uid, debounced);
  const current = useEntry(uid, documentId || null);

  const options = useMemo(() => {
    const list = (entries.data?.results ?? []).map((entry) => ({
      id: String(entry.documentId),
      title: entryTitle(entry, mainField),
    }));
    const stored = current.data?.data;
    if (stored && !list.some((o) => o.id === documentId)) {
      list.unshift({ id: documentId, title: entryTitle(stored, mainField) });
    }
    return list;
  }, [entries.data, current.data, mainField, documentId]);

  return (
    <Cell width="28rem">
      <Field.Root
        name={`${name}.item`}
        hint={t('rule.item.hint')}
        error={entries.error ? t('rule.item.error') : undefined}
      >
        <Field.Label>{t('rule.item')}</Field.Label>
        <Combobox
          value={documentId || undefined}
          disabled={disabled}
          loading={entries.isFetching}
          loadingMessage={t('rule.item.loading')}
          placeholder={t('rule.item.placeholder')}
          noOptionsMessage={() => t('rule.item.none')}
          onInputChange={(e) => setSearch(e.target.value)}
          onChange={(next) => onChange(next ?? '')}
          onClear={() => onChange('')}
          clearLabel={t('form.clear')}
          autocomplete={{ type: 'list', filter: 'contains' }}
        >
          {options.map((option) => (
            <ComboboxOption key={option.id} value={option.id}>
              {option.title}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Cell>
  );
};
