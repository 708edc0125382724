import { Flex, Loader, SearchForm, Searchbar, Typography } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { useCustomerSearch, useDuplicates } from '../../services/privacy';
import { CustomerChoice } from './CustomerChoice';

interface MergePickerProps {
  main: Customer;
  onPick: (customer: Customer) => void;
}

/** Step one of a merge: likely duplicates, and a search over all customers. */
export const MergePicker = ({ main, onPick }: MergePickerProps) => {
  const t = useT();
  const duplicates = useDuplicates(main.documentId);
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const search = useCustomerSearch(q);
  const suggestions = duplicates.data?.data ?? [];
  const found = (search.data?.data ?? []).filter((c) => c.documentId !== main.documentId);

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Flex tag="section" direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h3" variant="delta">
          {t('merge.suggestions')}
        </Typography>
        {duplicates.isLoading ? (
          <Loader small>{t('merge.loading')}</Loader>
        ) : suggestions.length === 0 ? (
          <Typography textColor="neutral600">{t('merge.suggestions.none')}</Typography>
        ) : (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
            {suggestions.map(({ customer, reasons }) => (
              <CustomerChoice
                key={customer.documentId}
                customer={customer}
                reasons={reasons}
                onPick={onPick}
              />
            ))}
          </Flex>
        )}
      </Flex>
      <Flex tag="section" direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h3" variant="delta">
          {t('merge.search.title')}
        </Typography>
        <SearchForm
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setQ(draft.trim() || null);
          }}
        >
          <Searchbar
            name="merge-q"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onClear={() => {
              setDraft('');
              setQ(null);
            }}
            clearLabel={t('customers.search.clear')}
            placeholder={t('customers.search.placeholder')}
          >
            {t('merge.search.title')}
          </Searchbar>
        </SearchForm>
        {q !== null &&
          (search.isLoading ? (
            <Loader small>{t('merge.loading')}</Loader>
          ) : found.length === 0 ? (
            <Typography textColor="neutral600">{t('merge.search.none')}</Typography>
          ) : (
            <Flex tag="ul" direction="column" alignItems="stretch" gap={2} aria-live="polite">
              {found.map((customer) => (
                <CustomerChoice key={customer.documentId} customer={customer} onPick={onPick} />
              ))}
            </Flex>
          ))}
      </Flex>
    </Flex>
  );
};
