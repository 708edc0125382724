import { SearchForm, Searchbar } from '@strapi/design-system';
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../hooks/useT';

interface CustomerSearchProps {
  /** The search the list shows now. */
  q: string | undefined;
  /** A new search (undefined: cleared). */
  onSearch: (q: string | undefined) => void;
}

/** The list's search box: name, email or phone; applied on Enter, cleared with its button. */
export const CustomerSearch = ({ q, onSearch }: CustomerSearchProps) => {
  const t = useT();
  const [search, setSearch] = useState(q ?? '');
  useEffect(() => setSearch(q ?? ''), [q]);
  return (
    <SearchForm
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSearch(search.trim() || undefined);
      }}
    >
      <Searchbar
        name="q"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onClear={() => {
          setSearch('');
          onSearch(undefined);
        }}
        clearLabel={t('customers.search.clear')}
        placeholder={t('customers.search.placeholder')}
      >
        {t('customers.search.label')}
      </Searchbar>
    </SearchForm>
  );
};
