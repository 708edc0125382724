import { Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { useImportPermissions, useSegmentPermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';
import { abTestPaths } from '../pages/AbTests/paths';
import { paths } from '../utils/paths';

/**
 * The plugin's own navigation beside its pages (one entry in the admin menu, three areas
 * inside): Customers, and Segments and Imports for admins allowed to use them.
 */
export const PluginNav = () => {
  const t = useT();
  const segments = useSegmentPermissions();
  const imports = useImportPermissions();
  const links = [
    { to: paths.customers, label: t('nav.customers') },
    ...(segments.canRead ? [{ to: paths.segments, label: t('nav.segments') }] : []),
    ...(imports.canImport ? [{ to: paths.imports, label: t('nav.imports') }] : []),
    ...(segments.canRead ? [{ to: abTestPaths.list, label: t('nav.abTests') }] : []),
  ];
  return (
    <SubNav.Main aria-label={t('nav.label')}>
      <SubNav.Header label={t('plugin.name')} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {links.map((link) => (
            <SubNav.Link key={link.to} to={link.to} label={link.label} />
          ))}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
