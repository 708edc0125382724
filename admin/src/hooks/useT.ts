import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import en from '../translations/en.json';
import { getTranslation } from '../utils/getTranslation';

/** A message id of the plugin; en.json is the list, so a misspelt id fails the type check. */
export type TranslationKey = keyof typeof en;

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/** Formats one of the plugin's messages (English from en.json when the locale lacks it). */
export type Translate = (id: TranslationKey, values?: Values) => string;

/** The plugin's `formatMessage`: `t('customers.title')`, the plugin prefix added. */
export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id, values) => formatMessage({ id: getTranslation(id), defaultMessage: en[id] }, values),
    [formatMessage]
  );
};
