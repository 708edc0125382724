import { IntlMessageFormat } from 'intl-messageformat';
import type { Translate } from '../hooks/useT';
import en from '../translations/en.json';

/** The plugin's `t` outside React: en.json formatted as react-intl would, for unit tests. */
export const t: Translate = (id, values) =>
  String(new IntlMessageFormat(en[id], 'en').format(values as Record<string, string | number>));
