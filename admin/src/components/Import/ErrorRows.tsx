import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { GetImport } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { HeaderRow } from '../HeaderRow';

type FirstError = GetImport.Response['data']['firstErrors'][number];

/** The first failed rows: line in the file, column and reason. */
export const ErrorRows = ({ errors }: { errors: FirstError[] }) => {
  const t = useT();
  return (
    <Table colCount={3} rowCount={errors.length + 1}>
      <HeaderRow
        labels={[t('import.errors.line'), t('import.errors.column'), t('import.errors.reason')]}
      />
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
