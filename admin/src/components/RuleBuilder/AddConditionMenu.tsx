import { Button, Menu } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useRef } from 'react';
import { useT } from '../../hooks/useT';
import { CONDITION_KINDS, type ConditionKind } from '../../utils/ruleTree';

/**
 * "+ Add condition": a menu of the condition kinds. After a choice the focus stays in the new
 * condition (the group puts it there) instead of going back to this button.
 */
interface AddConditionMenuProps {
  onAdd: (kind: ConditionKind) => void;
  /** Called once the menu has closed after a choice, to move the focus into the new condition. */
  onAdded: () => void;
}

export const AddConditionMenu = ({ onAdd, onAdded }: AddConditionMenuProps) => {
  const t = useT();
  const chosen = useRef(false);
  return (
    <Menu.Root>
      <Menu.Trigger tag={Button} variant="secondary" size="S" startIcon={<Plus />}>
        {t('rule.addCondition')}
      </Menu.Trigger>
      <Menu.Content
        onCloseAutoFocus={(event) => {
          if (!chosen.current) return;
          chosen.current = false;
          event.preventDefault();
          onAdded();
        }}
      >
        {CONDITION_KINDS.map((kind) => (
          <Menu.Item
            key={kind}
            onSelect={() => {
              chosen.current = true;
              onAdd(kind);
            }}
          >
            {t(`rule.kind.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Content>
    </Menu.Root>
  );
};
