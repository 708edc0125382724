import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AbVariantResult } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';

/** Exposures, conversions, rate and credible interval of each variant. */
export const VariantFigures = ({ variants }: { variants: AbVariantResult[] }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const percent = (value: number) =>
    formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  const header = (label: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
    </Th>
  );
  return (
    <Table colCount={5} rowCount={variants.length + 1}>
      <Thead>
        <Tr>
          {header(t('abTests.column.variant'))}
          {header(t('abTests.column.exposures'))}
          {header(t('abTests.column.conversions'))}
          {header(t('abTests.column.rate'))}
          {header(t('abTests.column.interval'))}
        </Tr>
      </Thead>
      <Tbody>
        {variants.map((v) => (
          <Tr key={v.variant}>
            <Td>
              <Typography fontWeight="bold">{v.variant}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(v.exposures)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(v.conversions)}</Typography>
            </Td>
            <Td>
              <Typography>{percent(v.rate)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600">
                {t('abTests.interval', {
                  low: percent(v.interval[0]),
                  high: percent(v.interval[1]),
                })}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
