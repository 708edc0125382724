import { IconButton, Menu } from '@strapi/design-system';
import { Download, More, Trash } from '@strapi/icons';
import { useT } from '../../hooks/useT';

interface CustomerRowMenuProps {
  name: string;
  /** Absent where the menu offers no GDPR export (a segment's member list). */
  onGdprExport?: () => void;
  /** Absent when the admin may not delete customers. */
  onDelete?: () => void;
}

/** A row's "..." menu: GDPR export (downloads at once) and Delete (asks for confirmation). */
export const CustomerRowMenu = ({ name, onGdprExport, onDelete }: CustomerRowMenuProps) => {
  const t = useT();
  return (
    <Menu.Root>
      <Menu.Trigger
        tag={IconButton}
        icon={<More />}
        label={t('list.row.actions', { name })}
        variant="ghost"
      />
      <Menu.Content popoverPlacement="bottom-end">
        {onGdprExport && (
          <Menu.Item startIcon={<Download />} onSelect={onGdprExport}>
            {t('gdpr.export')}
          </Menu.Item>
        )}
        {onDelete && (
          <Menu.Item variant="danger" startIcon={<Trash />} onSelect={onDelete}>
            {t('actions.delete')}
          </Menu.Item>
        )}
      </Menu.Content>
    </Menu.Root>
  );
};
