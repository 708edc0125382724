import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { ExternalLink } from '@strapi/icons';
import { previewUrlAs, type PreviewAs } from '../../../../contracts/preview';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useT } from '../../hooks/useT';

/** Strapi's answer to `GET /content-manager/preview/url/:uid` (204, no body, when no URL). */
interface PreviewUrlResponse {
  data?: { url?: string };
}

interface PreviewAsLinkProps extends PreviewAs {
  uid: string;
  documentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  /** What the link says the preview is opened as: the segment's name, or "All other users". */
  audienceName: string;
}

/**
 * "Preview as visitor": the entry's URL from Strapi's preview config (`config/admin.ts` >
 * `preview.config.handler`), with the audience appended as query parameters, in a new tab. A new
 * tab (or Strapi's preview iframe) cannot send X-Segments, so the site's preview route forwards
 * the parameters as headers; the editor is told only who the preview is for. The label is short
 * so that it fits the side panel; the audience is said below it. Absent without a preview URL.
 */
export const PreviewAsLink = ({
  uid,
  documentId,
  locale,
  status,
  segment,
  variant,
  audienceName,
}: PreviewAsLinkProps) => {
  const t = useT();
  const query = new URLSearchParams({ documentId, status });
  if (locale) query.set('locale', locale);
  // 404 when preview is not configured, 204 when the handler gives no URL for this type.
  const preview = useApiQuery<PreviewUrlResponse | ''>(
    `/content-manager/preview/url/${uid}?${query}`
  );
  const url = preview.error || !preview.data ? undefined : preview.data.data?.url;
  if (!url) return null;
  const href = previewUrlAs(url, { segment, variant }, window.location.origin);
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <LinkButton href={href} isExternal variant="tertiary" startIcon={<ExternalLink />} fullWidth>
        {t('viewAs.openPreview.short')}
      </LinkButton>
      <Typography variant="pi" textColor="neutral600">
        {t('viewAs.openPreview.hint', { audience: audienceName })}
      </Typography>
    </Flex>
  );
};
