import { Dots, NextLink, PageLink, Pagination, PreviousLink } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useT } from '../../hooks/useT';
import { pageWindow } from '../../utils/pageWindow';

interface ListPaginationProps {
  page: number;
  pageCount: number;
  /** The link (query string) to a page, so pages open with the keyboard or in a new tab. */
  hrefOf: (page: number) => string;
}

/** Links to the previous, next and nearby pages of the list. */
export const ListPagination = ({ page, pageCount, hrefOf }: ListPaginationProps) => {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <Pagination activePage={page} pageCount={pageCount} label={t('pagination.label')}>
      <PreviousLink tag={Link} to={hrefOf(Math.max(1, page - 1))}>
        {t('pagination.previous')}
      </PreviousLink>
      {pageWindow(page, pageCount).map((n, i) =>
        n === null ? (
          <Dots key={`gap-${i}`}>{t('pagination.more')}</Dots>
        ) : (
          <PageLink key={n} number={n} tag={Link} to={hrefOf(n)}>
            {t('pagination.page', { page: n })}
          </PageLink>
        )
      )}
      <NextLink tag={Link} to={hrefOf(Math.min(pageCount, page + 1))}>
        {t('pagination.next')}
      </NextLink>
    </Pagination>
  );
};
