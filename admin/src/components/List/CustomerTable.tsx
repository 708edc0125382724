import {
  Badge,
  Checkbox,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import type { RowSelection } from '../../hooks/useRowSelection';
import { useT } from '../../hooks/useT';
import { customerName } from '../../utils/customerName';
import type { Sort, SortField } from '../../utils/listQuery';
import { paths } from '../../utils/paths';
import { CustomerRowMenu } from './CustomerRowMenu';
import { SortableHeader } from './SortableHeader';

interface CustomerTableProps {
  rows: Customer[];
  /** Absent when the admin may not bulk update: no checkboxes then. */
  selection?: RowSelection;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Absent when the admin may not delete: no Delete in the row menu then. */
  onDelete?: (customer: Customer) => void;
  /** The row menu's "GDPR export" (absent: no row menu unless Delete is offered). */
  onGdprExport?: (customer: Customer) => void;
}

const MAX_SEGMENTS = 2;

/** Clicks on a checkbox, link or menu must not also open the row's profile. */
const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/** One page of customers; a click on a row (or its name link) opens the profile. */
export const CustomerTable = ({
  rows,
  selection,
  sort,
  onSort,
  onDelete,
  onGdprExport,
}: CustomerTableProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const navigate = useNavigate();
  const menu = Boolean(onDelete || onGdprExport);
  const colCount = 6 + (selection ? 1 : 0) + (menu ? 1 : 0);
  const header = (field: SortField | null, label: string) =>
    field ? (
      <SortableHeader field={field} label={label} sort={sort} onSort={onSort} />
    ) : (
      <Th>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
      </Th>
    );

  return (
    <Table colCount={colCount} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {selection && (
            <Th>
              <Checkbox
                aria-label={t('list.select.page')}
                checked={selection.someOnPage ? 'indeterminate' : selection.allOnPage}
                onCheckedChange={selection.togglePage}
              />
            </Th>
          )}
          {header('lastName', t('list.column.name'))}
          {header(null, t('list.column.email'))}
          {header(null, t('list.column.phone'))}
          {header(null, t('list.column.country'))}
          {header(null, t('list.column.segments'))}
          {header('lastActivityAt', t('list.column.activity'))}
          {menu && (
            <Th>
              <VisuallyHidden>{t('list.column.actions')}</VisuallyHidden>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((customer) => {
          const name = customerName(customer, t);
          const extraSegments = customer.segments.length - MAX_SEGMENTS;
          return (
            <Tr
              key={customer.documentId}
              cursor="pointer"
              onClick={() => navigate(paths.customer(customer.documentId))}
            >
              {selection && (
                <Td onClick={stopPropagation}>
                  <Checkbox
                    aria-label={t('list.select.row', { name })}
                    checked={selection.isSelected(customer.documentId)}
                    onCheckedChange={() => selection.toggle(customer.documentId)}
                  />
                </Td>
              )}
              <Td>
                <Typography
                  tag={Link}
                  to={paths.customer(customer.documentId)}
                  onClick={stopPropagation}
                  fontWeight="semiBold"
                  textColor="neutral800"
                  ellipsis
                >
                  {name}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800" ellipsis>
                  {customer.emails[0] ?? '-'}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{customer.phones[0] ?? '-'}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{customer.country ?? '-'}</Typography>
              </Td>
              <Td>
                <Flex gap={1} wrap="wrap">
                  {customer.segments.slice(0, MAX_SEGMENTS).map((segment) => (
                    <Badge key={segment.documentId}>{segment.name}</Badge>
                  ))}
                  {extraSegments > 0 && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('list.segments.more', { count: extraSegments })}
                    </Typography>
                  )}
                  {customer.segments.length === 0 && (
                    <Typography textColor="neutral600">-</Typography>
                  )}
                </Flex>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {customer.lastActivityAt
                    ? formatDate(customer.lastActivityAt, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })
                    : t('list.activity.none')}
                </Typography>
              </Td>
              {menu && (
                <Td onClick={stopPropagation}>
                  <Flex justifyContent="flex-end">
                    <CustomerRowMenu
                      name={name}
                      onGdprExport={onGdprExport ? () => onGdprExport(customer) : undefined}
                      onDelete={onDelete ? () => onDelete(customer) : undefined}
                    />
                  </Flex>
                </Td>
              )}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
