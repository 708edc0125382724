import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useState } from 'react';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { abTestsIn, hasAudience } from './hasAudience';
import { ViewAsContent } from './ViewAsContent';

/**
 * The Content Manager's "View as" side panel: what a visitor of a segment (or everyone else)
 * gets of this entry from the content API. Shown on types with an Audience field.
 */
export const ViewAsPanel: PanelComponent = ({ model, documentId, document, activeTab }) => {
  const t = useT();
  const { contentType, components } = useContentManagerContext();
  const { canRead } = useSegmentPermissions();
  const [segment, setSegment] = useState('');
  if (!documentId || !canRead || !hasAudience(contentType as any, components as any)) return null;
  return {
    title: t('viewAs.title'),
    content: (
      <ViewAsContent
        uid={model}
        documentId={documentId}
        locale={(document?.locale as string | undefined) ?? null}
        status={activeTab === 'draft' ? 'draft' : 'published'}
        segment={segment}
        onSegmentChange={setSegment}
        inAbTest={abTestsIn(document).size > 0}
      />
    ),
  };
};
