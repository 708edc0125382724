import { Badge, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { ImportRowOutcome } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { HeaderRow } from '../HeaderRow';

const PAGE = 100;
const VARIANT = {
  create: 'success',
  update: 'primary',
  unchanged: 'neutral',
  fail: 'danger',
} as const;

/**
 * What a dry run found per row: the line, what the import would do (create, update which
 * fields, leave unchanged, fail and why) and the row's email; 100 rows at a time.
 */
export const DryRunRows = ({ rows }: { rows: ImportRowOutcome[] }) => {
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  const visible = rows.slice(0, shown);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Table colCount={4} rowCount={visible.length + 1}>
        <HeaderRow
          labels={[
            t('import.rows.line'),
            t('import.rows.action'),
            t('import.rows.email'),
            t('import.rows.details'),
          ]}
        />
        <Tbody>
          {visible.map((row) => (
            <Tr key={row.line}>
              <Td>
                <Typography textColor="neutral800">{row.line}</Typography>
              </Td>
              <Td>
                <Badge variant={VARIANT[row.action]}>{t(`import.action.${row.action}`)}</Badge>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {row.email ?? t('import.rows.noEmail')}
                </Typography>
              </Td>
              <Td>
                <Typography
                  textColor={row.action === 'fail' ? 'danger600' : 'neutral800'}
                  style={{ whiteSpace: 'normal' }}
                >
                  {row.action === 'fail'
                    ? row.reasons.join('; ')
                    : row.fields.length > 0
                      ? t('import.rows.fields', { fields: row.fields.join(', ') })
                      : '-'}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {rows.length > shown && (
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="pi" textColor="neutral600">
            {t('import.rows.showing', { shown, total: rows.length })}
          </Typography>
          <Button variant="tertiary" size="S" onClick={() => setShown((n) => n + PAGE)}>
            {t('import.rows.more')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
