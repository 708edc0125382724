import { Flex, Switch, Typography } from '@strapi/design-system';
import { useId } from 'react';
import type { TagGroup } from '../../../../contracts/settings';

interface TagGroupSwitchesProps {
  group: TagGroup;
  tags: string[];
  onChange: (tag: string, on: boolean) => void;
  disabled?: boolean;
}

/** One predefined tag group: a switch per tag, on when the customer has it. */
export const TagGroupSwitches = ({ group, tags, onChange, disabled }: TagGroupSwitchesProps) => {
  const id = useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-labelledby={id}>
      <Typography id={id} variant="sigma" textColor="neutral600">
        {group.name}
      </Typography>
      <Flex gap={4} wrap="wrap">
        {group.tags.map((tag) => (
          <Flex key={tag} gap={2} tag="label">
            <Switch
              checked={tags.includes(tag)}
              disabled={disabled}
              onCheckedChange={(on) => onChange(tag, on)}
            />
            <Typography textColor="neutral800">{tag}</Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};
