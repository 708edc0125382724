import {
  Box,
  EmptyStateLayout,
  Flex,
  SearchForm,
  Searchbar,
  Typography,
} from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Page } from '@strapi/strapi/admin';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CustomerTable } from '../List/CustomerTable';
import { ListPagination } from '../List/ListPagination';
import { useT } from '../../hooks/useT';
import { useSegmentMembers } from '../../services/segments';
import { DEFAULT_SORT, readListState, type Sort } from '../../utils/listQuery';

/**
 * The Members tab: the segment's customers in the customer list's table (read-only: no
 * selection, no delete), searchable and sortable, 50 a page; page, sort and search in the URL.
 */
export const SegmentMembers = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { page, sort, filters } = readListState(params);
  const { data, error, isLoading, isFetching } = useSegmentMembers(documentId, {
    page,
    sort,
    q: filters.q,
  });
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const go = (next: { page?: number; sort?: Sort; q?: string }) => {
    const out = new URLSearchParams(params);
    const q = 'q' in next ? next.q : filters.q;
    const s = next.sort ?? sort;
    const p = next.page ?? 1;
    for (const [key, value] of [
      ['q', q],
      ['sort', s === DEFAULT_SORT ? '' : s],
      ['page', p > 1 ? String(p) : ''],
    ] as const) {
      if (value) out.set(key, value);
      else out.delete(key);
    }
    return out;
  };

  if (error && !data) return <Page.Error />;
  const rows = data?.data ?? [];
  const pagination = data?.meta.pagination;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" gap={4} wrap="wrap">
        <SearchForm
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setParams(go({ q: search.trim() || undefined }));
          }}
        >
          <Searchbar
            name="members-q"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onClear={() => {
              setSearch('');
              setParams(go({ q: undefined }));
            }}
            clearLabel={t('customers.search.clear')}
            placeholder={t('customers.search.placeholder')}
          >
            {t('members.search')}
          </Searchbar>
        </SearchForm>
        {pagination && (
          <Typography textColor="neutral600" aria-live="polite">
            {t('members.count', { total: pagination.total })}
          </Typography>
        )}
      </Flex>
      {isLoading ? (
        <Page.Loading />
      ) : rows.length === 0 ? (
        <Box background="neutral0" shadow="filterShadow" hasRadius>
          <EmptyStateLayout
            icon={<EmptyDocuments width="16rem" />}
            content={filters.q ? t('members.empty.search') : t('members.empty')}
          />
        </Box>
      ) : (
        <Box aria-busy={isFetching}>
          <CustomerTable rows={rows} sort={sort} onSort={(next) => setParams(go({ sort: next }))} />
        </Box>
      )}
      {pagination && (
        <Flex justifyContent="flex-end">
          <ListPagination
            page={pagination.page}
            pageCount={pagination.pageCount}
            hrefOf={(n) => `?${go({ page: n })}`}
          />
        </Flex>
      )}
    </Flex>
  );
};
