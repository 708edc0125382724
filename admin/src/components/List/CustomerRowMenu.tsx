import { IconButton, Menu } from '@strapi/design-system';
import { More, Trash } from '@strapi/icons';
import { useT } from '../../hooks/useT';

/** A row's "..." menu; for now the one action is Delete (asks for confirmation). */
export const CustomerRowMenu = ({ name, onDelete }: { name: string; onDelete: () => void }) => {
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
        <Menu.Item variant="danger" startIcon={<Trash />} onSelect={onDelete}>
          {t('actions.delete')}
        </Menu.Item>
      </Menu.Content>
    </Menu.Root>
  );
};
