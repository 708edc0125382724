import { Th, Typography } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import { useT } from '../../hooks/useT';
import type { Sort, SortField } from '../../utils/listQuery';

interface SortableHeaderProps {
  field: SortField;
  label: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** The first click's direction: newest first for dates. */
  first?: 'asc' | 'desc';
}

/**
 * A column header that sorts by `field` as a real button: `first` (ascending unless told) on the
 * first click, then the other way at each click.
 */
export const SortableHeader = ({
  field,
  label,
  sort,
  onSort,
  first = 'asc',
}: SortableHeaderProps) => {
  const t = useT();
  const [current, direction] = sort.split(':');
  const active = current === field;
  const flipped = direction === 'asc' ? 'desc' : 'asc';
  const next: Sort = `${field}:${active ? flipped : first}`;
  return (
    <Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Typography
        tag="button"
        type="button"
        variant="sigma"
        textColor={active ? 'neutral800' : 'neutral600'}
        onClick={() => onSort(next)}
        aria-label={t('list.sort', { column: label })}
        style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer' }}
      >
        {label}{' '}
        {active && (direction === 'asc' ? <CaretUp aria-hidden /> : <CaretDown aria-hidden />)}
      </Typography>
    </Th>
  );
};
