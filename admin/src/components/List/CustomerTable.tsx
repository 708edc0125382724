import {
  Box,
  Checkbox,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Customer } from '../../../../contracts/customers';
import type { RowSelection } from '../../hooks/useRowSelection';
import { useT } from '../../hooks/useT';
import { customerName } from '../../utils/customerName';
import type { Sort } from '../../utils/listQuery';
import { paths } from '../../utils/paths';
import { CustomerCell } from './CustomerCell';
import { defaultColumns, SORT_OF, type CustomerColumn } from './customerColumns';
import { CustomerRowMenu } from './CustomerRowMenu';
import { SortableHeader } from './SortableHeader';
import { RowLink, stopPropagation } from '../RowLink';

interface CustomerTableProps {
  rows: Customer[];
  /** The optional columns to show, in table order (default: what fits the window). */
  columns?: CustomerColumn[];
  /** Absent when the admin may not bulk update: no checkboxes then. */
  selection?: RowSelection;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Absent when the admin may not delete: no Delete in the row menu then. */
  onDelete?: (customer: Customer) => void;
  /** The row menu's "GDPR export" (absent: no row menu unless Delete is offered). */
  onGdprExport?: (customer: Customer) => void;
}

/**
 * The row menu stays at the right edge, in view, however wide the chosen columns make the table.
 * The table's scroll box has a 24 px padding on the right, which sticky positions keep clear of:
 * -24 px puts the menu over it, so nothing scrolled past shows beside it.
 */
const STICKY_END: CSSProperties = {
  position: 'sticky',
  right: '-2.4rem',
  boxShadow: '-1px 0 0 rgba(0, 0, 0, 0.06)',
};

/** One page of customers; a click on a row (or its name link) opens the profile. */
export const CustomerTable = ({
  rows,
  columns = defaultColumns(),
  selection,
  sort,
  onSort,
  onDelete,
  onGdprExport,
}: CustomerTableProps) => {
  const t = useT();
  const navigate = useNavigate();
  const menu = Boolean(onDelete || onGdprExport);
  const colCount = 1 + columns.length + (selection ? 1 : 0) + (menu ? 1 : 0);

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
          <SortableHeader
            field="lastName"
            label={t('list.column.name')}
            sort={sort}
            onSort={onSort}
          />
          {columns.map((column) => {
            const field = SORT_OF[column];
            const label = t(`list.column.${column}`);
            return field ? (
              <SortableHeader
                key={column}
                field={field}
                label={label}
                sort={sort}
                onSort={onSort}
                first="desc"
              />
            ) : (
              <Th key={column}>
                <Typography variant="sigma" textColor="neutral600">
                  {label}
                </Typography>
              </Th>
            );
          })}
          {menu && (
            <Th style={STICKY_END} background="neutral0">
              <VisuallyHidden>{t('list.column.actions')}</VisuallyHidden>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((customer) => {
          const name = customerName(customer, t);
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
                <Box maxWidth="16rem">
                  <RowLink to={paths.customer(customer.documentId)}>{name}</RowLink>
                </Box>
              </Td>
              {columns.map((column) => (
                <Td key={column}>
                  <CustomerCell column={column} customer={customer} />
                </Td>
              ))}
              {menu && (
                <Td onClick={stopPropagation} style={STICKY_END} background="neutral0">
                  <CustomerRowMenu
                    name={name}
                    onGdprExport={onGdprExport ? () => onGdprExport(customer) : undefined}
                    onDelete={onDelete ? () => onDelete(customer) : undefined}
                  />
                </Td>
              )}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
