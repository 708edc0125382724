import { useIntl } from 'react-intl';
import { relativeTimeParts } from '../utils/relativeTime';

/** "3 minutes ago", with the full date and time as the tooltip and in `dateTime`. */
export const RelativeTime = ({ value }: { value: string }) => {
  const { formatRelativeTime, formatDate } = useIntl();
  const { value: amount, unit } = relativeTimeParts(value);
  return (
    <time dateTime={value} title={formatDate(value, { dateStyle: 'medium', timeStyle: 'medium' })}>
      {formatRelativeTime(amount, unit, { numeric: 'auto' })}
    </time>
  );
};
