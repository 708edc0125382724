import { Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Gender } from '../../../../contracts/constants';
import { useT } from '../../hooks/useT';
import { toPickerDate } from '../../utils/dates';
import { FILTER_KEYS, type FilterKey, type ListFilters } from '../../utils/listQuery';

interface ActiveFiltersProps {
  filters: ListFilters;
  onRemove: (key: FilterKey) => void;
}

/** The filters in use as tags; each tag's button removes that filter. */
export const ActiveFilters = ({ filters, onRemove }: ActiveFiltersProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const keys = FILTER_KEYS.filter((key) => key !== 'q' && filters[key]);
  if (keys.length === 0) return null;

  const show = (key: FilterKey, value: string) => {
    if (key === 'gender') return t(`gender.${value as Gender}`);
    if (key === 'createdFrom' || key === 'createdTo') {
      const date = toPickerDate(value);
      return date ? formatDate(date, { dateStyle: 'medium', timeZone: 'UTC' }) : value;
    }
    return value;
  };

  return (
    <Flex tag="ul" gap={2} wrap="wrap" aria-label={t('filters.active')}>
      {keys.map((key) => {
        const text = `${t(`filters.${key}`)}: ${show(key, filters[key] ?? '')}`;
        return (
          <li key={key}>
            <Tag
              icon={<Cross aria-hidden />}
              label={t('filters.remove', { filter: text })}
              onClick={() => onRemove(key)}
            >
              {text}
            </Tag>
          </li>
        );
      })}
    </Flex>
  );
};
