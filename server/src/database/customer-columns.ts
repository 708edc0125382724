import {
  COLUMN_OF,
  PROFILE_FIELDS,
  type ProfileFieldName,
} from '../../../contracts/customer-schema';

/** The single-valued profile fields an editor or an import can write, and their columns. */
export const PROFILE_COLUMNS = Object.fromEntries(
  PROFILE_FIELDS.map((field) => [field, COLUMN_OF[field]])
) as { [K in ProfileFieldName]: (typeof COLUMN_OF)[K] };

export type ProfileField = ProfileFieldName;
