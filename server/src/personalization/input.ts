import { errors } from '@strapi/utils';
import { audienceSchema, parseAudience, serializeAudience } from '../../../contracts/audience';
import { validate } from '../validation/validate';
import type { SchemaMap } from './schema-map';

type Data = Record<string, any>;

/** Whether an A/B test with this documentId exists. */
export type AbTestExists = (documentId: string) => Promise<boolean>;

/** One written audience: an object or its JSON string, validated, in the canonical form. */
const canonical = async (value: unknown, path: string, abTestExists?: AbTestExists) => {
  if (value === null || value === undefined || value === '') return null;
  let raw: unknown = value;
  if (typeof value === 'string') {
    try {
      raw = JSON.parse(value);
    } catch {
      raw = undefined;
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new errors.ValidationError(
      `${path} must be an audience { segment, abTest, variant } (or its JSON), or null`
    );
  await validate(audienceSchema, raw, `${path} is not a valid audience`);
  const audience = parseAudience(raw);
  if (audience?.abTest && abTestExists && !(await abTestExists(audience.abTest)))
    throw new errors.ValidationError(
      `${path} names the A/B test "${audience.abTest}", which does not exist`
    );
  return serializeAudience(audience);
};

/**
 * Validates the audiences in written data (on the entry, in its components and dynamic zones)
 * and replaces each with its canonical string, which the content API filters on. A bad
 * audience is a 400 naming the field.
 */
export const canonicalizeAudiences = async (
  map: SchemaMap,
  uid: string,
  data: Data,
  path = '',
  abTestExists?: AbTestExists
): Promise<Data> => {
  const shape = map.get(uid);
  if (!shape || !data || typeof data !== 'object') return data;
  const out: Data = { ...data };
  if (shape.audience && shape.audience in out)
    out[shape.audience] = await canonical(
      out[shape.audience],
      `${path}${shape.audience}`,
      abTestExists
    );
  for (const child of shape.children) {
    const value = out[child.name];
    if (child.kind === 'relation' || value === undefined || value === null) continue;
    const uidOf = (item: Data) =>
      child.kind === 'dynamiczone' ? String(item?.__component ?? '') : child.component;
    if (Array.isArray(value))
      out[child.name] = await Promise.all(
        value.map((item, i) =>
          canonicalizeAudiences(map, uidOf(item), item, `${path}${child.name}.${i}.`, abTestExists)
        )
      );
    else
      out[child.name] = await canonicalizeAudiences(
        map,
        uidOf(value),
        value,
        `${path}${child.name}.`,
        abTestExists
      );
  }
  return out;
};
