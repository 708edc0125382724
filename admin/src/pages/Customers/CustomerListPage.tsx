import {
  Box,
  EmptyStateLayout,
  Flex,
  Pagination,
  PreviousLink,
  NextLink,
  PageLink,
  Searchbar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useCustomerList } from '../../services/api';
import { getTranslation } from '../../utils/getTranslation';

/** The customer list: search by name, email or phone, 50 a page. */
export const CustomerListPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<{ page: number; q?: string }>({ page: 1 });
  const { data, error, isLoading } = useCustomerList(query);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as never);

  if (error) return <Page.Error />;
  const pagination = data?.meta.pagination;

  return (
    <Layouts.Root>
      <Page.Title>{t('customers.title', 'Customers')}</Page.Title>
      <Layouts.Header
        title={t('customers.title', 'Customers')}
        subtitle={t('customers.count', '{total} customers', { total: pagination?.total ?? 0 })}
      />
      <Layouts.Content>
        <Box paddingBottom={4}>
          <Searchbar
            name="q"
            value={search}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
            onClear={() => {
              setSearch('');
              setQuery({ page: 1 });
            }}
            clearLabel={t('customers.search.clear', 'Clear the search')}
            placeholder={t('customers.search.placeholder', 'Search by name, email or phone')}
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              setQuery({ page: 1, q: search || undefined });
            }}
          >
            {t('customers.search.label', 'Search customers')}
          </Searchbar>
        </Box>
        {isLoading && !data ? (
          <Page.Loading />
        ) : data && data.data.length === 0 ? (
          <EmptyStateLayout
            content={t(
              'customers.empty',
              'No customers yet. Add one, import a CSV, or embed the tracker.'
            )}
          />
        ) : (
          <>
            <Table colCount={5} rowCount={(data?.data.length ?? 0) + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('customers.column.name', 'Name')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('customers.column.email', 'Email')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('customers.column.phone', 'Phone')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('customers.column.country', 'Country')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('customers.column.activity', 'Latest activity')}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {data?.data.map((c) => (
                  <Tr key={c.documentId}>
                    <Td>
                      <Typography>{c.fullName ?? t('customers.anonymous', 'Anonymous')}</Typography>
                    </Td>
                    <Td>
                      <Typography>{c.emails[0] ?? '-'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{c.phones[0] ?? '-'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{c.country ?? '-'}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {c.lastActivityAt
                          ? formatDate(c.lastActivityAt, { dateStyle: 'medium' })
                          : '-'}
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {pagination && pagination.pageCount > 1 && (
              <Flex justifyContent="flex-end" paddingTop={4}>
                <Pagination activePage={pagination.page} pageCount={pagination.pageCount}>
                  <PreviousLink
                    onClick={() => setQuery((q) => ({ ...q, page: Math.max(1, q.page - 1) }))}
                  >
                    {t('pagination.previous', 'Previous page')}
                  </PreviousLink>
                  <PageLink number={pagination.page} onClick={() => undefined}>
                    {t('pagination.page', 'Page {page}', { page: pagination.page })}
                  </PageLink>
                  <NextLink
                    onClick={() =>
                      setQuery((q) => ({ ...q, page: Math.min(pagination.pageCount, q.page + 1) }))
                    }
                  >
                    {t('pagination.next', 'Next page')}
                  </NextLink>
                </Pagination>
              </Flex>
            )}
          </>
        )}
      </Layouts.Content>
    </Layouts.Root>
  );
};
