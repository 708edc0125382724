import { AUDIENCE_FIELD } from '../../../../contracts/audience';

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
