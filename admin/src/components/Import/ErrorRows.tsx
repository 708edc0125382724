import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { GetImport } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';

type FirstError = GetImport.Response['data']['firstErrors'][number];

/** The first failed rows: line in the file, column and reason. */
export const ErrorRows = ({ errors }: { errors: FirstError[] }) => {
  const t = useT();
  const th = (label: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
    </Th>
  );
  return (
    <Table colCount={3} rowCount={errors.length + 1}>
      <Thead>
        <Tr>
          {th(t('import.errors.line'))}
          {th(t('import.errors.column'))}
          {th(t('import.errors.reason'))}
        </Tr>
      </Thead>
      <Tbody>
        {errors.map((error, i) => (
          <Tr key={`${error.line}-${i}`}>
            <Td>
              <Typography textColor="neutral800">{error.line}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" tag="code">
                {error.column || t('import.errors.wholeRow')}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" style={{ whiteSpace: 'normal' }}>
                {error.reason}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
