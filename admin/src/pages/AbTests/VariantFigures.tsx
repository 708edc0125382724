import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AbVariantResult } from '../../../../contracts/ab-tests';
import { useT } from '../../hooks/useT';
import { HeaderRow } from '../../components/HeaderRow';

/** Exposures, conversions, rate and credible interval of each variant. */
export const VariantFigures = ({ variants }: { variants: AbVariantResult[] }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const percent = (value: number) =>
    formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Table colCount={5} rowCount={variants.length + 1}>
      <HeaderRow
        labels={[
          t('abTests.column.variant'),
          t('abTests.column.exposures'),
          t('abTests.column.conversions'),
          t('abTests.column.rate'),
          t('abTests.column.interval'),
        ]}
      />
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
              <Typography>{v.exposures > 0 ? percent(v.rate) : '—'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600">
                {v.exposures > 0
                  ? t('abTests.interval', {
                      low: percent(v.interval[0]),
                      high: percent(v.interval[1]),
                    })
                  : t('abTests.noVisitors')}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
