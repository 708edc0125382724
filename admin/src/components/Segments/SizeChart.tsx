import { useIntl } from 'react-intl';
import { useT } from '../../hooks/useT';
import type { SizePoint } from '../../utils/chartScale';
import { LineChart } from '../Charts/LineChart';

/** "Size over time": the member count at each recorded recompute, as a line. */
export const SizeChart = ({ series }: { series: SizePoint[] }) => {
  const t = useT();
  const { formatNumber, formatDate } = useIntl();
  const day = (at: string) => formatDate(at, { dateStyle: 'medium' });
  const first = series[0];
  const last = series[series.length - 1];
  return (
    <LineChart
      series={series.map((p) => ({ at: p.computedAt, value: p.memberCount }))}
      title={t('history.chartTitle')}
      description={t('history.chartDescription', {
        count: series.length,
        first: formatNumber(first.memberCount),
        firstDate: day(first.computedAt),
        last: formatNumber(last.memberCount),
        lastDate: day(last.computedAt),
        highest: formatNumber(Math.max(...series.map((p) => p.memberCount))),
      })}
      pointTitle={(point, when) => t('history.point', { count: point.value, when })}
      columns={[t('history.table.when'), t('history.table.members')]}
    />
  );
};
