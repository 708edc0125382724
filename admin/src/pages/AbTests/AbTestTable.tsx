import { Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { AbTest } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';
import { abTestPaths } from './paths';
import { StatusBadge } from './StatusBadge';
import { HeaderRow } from '../../components/HeaderRow';
import { RowLink, stopPropagation } from '../../components/RowLink';

interface AbTestTableProps {
  tests: AbTest[];
  /** Given to admins who may manage tests: the row's edit and delete buttons. */
  onEdit?: (test: AbTest) => void;
  onDelete?: (test: AbTest) => void;
}

/** A row's buttons and link handle their own click; the row's click would open the page too. */
/** Every A/B test with its status, split, conversion event and start date. */
export const AbTestTable = ({ tests, onEdit, onDelete }: AbTestTableProps) => {
  const t = useT();
  const navigate = useNavigate();
  const { formatDate } = useIntl();
  const manage = Boolean(onEdit || onDelete);
  return (
    <Table colCount={manage ? 6 : 5} rowCount={tests.length + 1}>
      <HeaderRow
        labels={[
          t('abTests.column.name'),
          t('abTests.column.status'),
          t('abTests.column.split'),
          t('abTests.column.conversion'),
          t('abTests.column.started'),
          ...(manage ? [t('abTests.column.actions')] : []),
        ]}
      />
      <Tbody>
        {tests.map((test) => (
          <Tr
            key={test.documentId}
            cursor="pointer"
            onClick={() => navigate(abTestPaths.results(test.documentId))}
          >
            <Td>
              <RowLink to={abTestPaths.results(test.documentId)}>{test.name}</RowLink>
            </Td>
            <Td>
              <StatusBadge status={test.status} />
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {t('abTests.splitValue', { a: test.split, b: 100 - test.split })}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" tag="code">
                {test.conversionEventType}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600">
                {test.startedAt ? formatDate(test.startedAt, { dateStyle: 'medium' }) : '–'}
              </Typography>
            </Td>
            {manage && (
              <Td onClick={stopPropagation}>
                <Flex gap={1}>
                  {onEdit && (
                    <IconButton
                      label={t('abTests.editNamed', { name: test.name })}
                      variant="ghost"
                      onClick={() => onEdit(test)}
                    >
                      <Pencil />
                    </IconButton>
                  )}
                  {onDelete && (
                    <IconButton
                      label={t('abTests.deleteNamed', { name: test.name })}
                      variant="ghost"
                      onClick={() => onDelete(test)}
                    >
                      <Trash />
                    </IconButton>
                  )}
                </Flex>
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
