import { SCALAR_TYPES } from '../../../contracts/segment-rules';

/**
 * What the segment builder needs from the Content Manager's admin API: the collection types to
 * pick items of, their plain (filterable) fields, and an entry's title.
 */

/** A content type as `GET /content-manager/content-types` lists it (the parts used here). */
export interface ContentManagerType {
  uid: string;
  kind: 'collectionType' | 'singleType';
  isDisplayed: boolean;
  info: { displayName: string };
  attributes: Record<string, { type: string; enum?: string[] }>;
}

/** A collection type offered by the item picker. */
export interface CollectionType {
  uid: string;
  displayName: string;
  attributes: ContentManagerType['attributes'];
}

/** A field an event condition may filter items on ("Articles whose category is EV"). */
export interface ScalarAttribute {
  name: string;
  type: string;
  enum?: string[];
}

/** The collection types shown in the Content Manager, by name. */
export const collectionTypes = (types: ContentManagerType[]): CollectionType[] =>
  types
    .filter((type) => type.kind === 'collectionType' && type.isDisplayed)
    .map((type) => ({
      uid: type.uid,
      displayName: type.info.displayName,
      attributes: type.attributes,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The plain fields of a type: text, numbers, choices, dates, true/false (no relations, media). */
export const scalarAttributes = (attributes: CollectionType['attributes']): ScalarAttribute[] =>
  Object.entries(attributes)
    .filter(([name, attr]) => SCALAR_TYPES.has(attr.type) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    .map(([name, attr]) => ({ name, type: attr.type, ...(attr.enum ? { enum: attr.enum } : {}) }));

/** A field value typed as text, turned into what the field holds (number, true/false, text). */
export const attributeValue = (
  type: string | undefined,
  text: string
): string | number | boolean => {
  if (type === 'boolean') return text === 'true';
  if (type && ['integer', 'biginteger', 'float', 'decimal'].includes(type)) {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
};

/** What to call an entry: its main field, else its documentId. */
export const entryTitle = (entry: Record<string, unknown>, mainField: string | undefined) => {
  const value = mainField ? entry[mainField] : undefined;
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : String(entry.documentId ?? '');
};
