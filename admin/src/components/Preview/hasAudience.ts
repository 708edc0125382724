import { AUDIENCE_FIELD, parseAudience } from '../../../../contracts/audience';

type Attributes = Record<string, { customField?: string } & Record<string, unknown>>;

/** True when the type or one of its components has an Audience field. */
export const hasAudience = (
  contentType: { attributes?: Attributes } | undefined,
  components: Record<string, { attributes?: Attributes }> | undefined
) =>
  [contentType, ...Object.values(components ?? {})].some((schema) =>
    Object.values(schema?.attributes ?? {}).some((a) => a?.customField === AUDIENCE_FIELD)
  );

/** A short label for a block: its first text that is not the audience, or its component. */
export const blockLabel = (block: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(block)) {
    if (key === 'audience' || key === '__component' || key === 'documentId') continue;
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 60);
  }
  return String(block.__component ?? '');
};

/**
 * The A/B tests (documentIds) the entry's audience or any of its blocks' audiences points at:
 * stored audiences are JSON strings wherever the field sits, so the entry is walked for them.
 */
export const abTestsIn = (document: unknown): Set<string> => {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (value.startsWith('{') && value.includes('"abTest"')) {
        const { abTest } = parseAudience(value);
        if (abTest) found.add(abTest);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v) => walk(v, depth + 1));
    } else if (typeof value === 'object') {
      Object.values(value).forEach((v) => walk(v, depth + 1));
    }
  };
  walk(document, 0);
  return found;
};
