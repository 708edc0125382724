import { Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../hooks/useT';

interface TagsInputProps {
  name: string;
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/**
 * A keyword input: type a tag and press Enter (or a comma) to add it; each tag shows with a
 * button to remove it, and Backspace in the empty input removes the last one.
 */
export const TagsInput = ({
  name,
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
}: TagsInputProps) => {
  const t = useT();
  const [draft, setDraft] = useState('');

  const add = (text: string) => {
    const tags = text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag && !value.includes(tag));
    if (tags.length > 0) onChange([...value, ...new Set(tags)]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <Field.Root name={name} hint={hint ?? t('tags.hint')} error={error}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={draft}
        disabled={disabled}
        placeholder={t('tags.placeholder')}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      <Field.Hint />
      <Field.Error />
      {value.length > 0 && (
        <Flex tag="ul" gap={2} wrap="wrap" paddingTop={2} aria-label={label}>
          {value.map((tag) => (
            <li key={tag}>
              <Tag
                icon={<Cross aria-hidden />}
                label={t('tags.remove', { tag })}
                disabled={disabled}
                onClick={() => onChange(value.filter((v) => v !== tag))}
              >
                {tag}
              </Tag>
            </li>
          ))}
        </Flex>
      )}
    </Field.Root>
  );
};
