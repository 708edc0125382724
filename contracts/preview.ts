import type { AbVariant } from './ab-tests';

/**
 * The query parameters that carry a "View as" audience on a preview URL, and that the content
 * API accepts as equivalents of the X-Segments and X-AB-Variant headers (an iframe or a new tab
 * cannot send headers). Shared by the admin, which appends them, and the server, which reads them.
 */
export const PREVIEW_PARAMS = {
  /** Comma-separated segment IDs, as X-Segments. */
  segments: 'segments',
  /** `A` or `B`, as X-AB-Variant. */
  variant: 'abVariant',
} as const;

/** The audience a preview link is opened as: a segment ID (empty: "All other users"), a variant. */
export interface PreviewAs {
  segment: string;
  variant: AbVariant;
}

/**
 * The preview URL Strapi's `preview.config.handler` gave, with the audience appended (existing
 * parameters of the same names replaced). A relative URL is resolved against `base`.
 */
export const previewUrlAs = (url: string, as: PreviewAs, base?: string): string => {
  const out = new URL(url, base);
  out.searchParams.delete(PREVIEW_PARAMS.segments);
  if (as.segment) out.searchParams.set(PREVIEW_PARAMS.segments, as.segment);
  out.searchParams.set(PREVIEW_PARAMS.variant, as.variant);
  return out.toString();
};
