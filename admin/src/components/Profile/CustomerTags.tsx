import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { Customer } from '../../../../contracts/customers';
import type { TagGroup } from '../../../../contracts/settings';
import { useT } from '../../hooks/useT';
import { useCustomerApi } from '../../services/api';
import { apiErrorMessage } from '../../utils/apiErrors';
import { TagsInput } from '../TagsInput';
import { ProfileCard } from './ProfileCard';
import { TagGroupSwitches } from './TagGroupSwitches';

interface CustomerTagsProps {
  customer: Customer;
  /** The predefined groups from the settings (empty when there are none or they can't be read). */
  groups: TagGroup[];
  canUpdate: boolean;
  onSaved: (customer: Customer) => void;
}

const sameTags = (a: string[], b: string[]) =>
  a.length === b.length && a.every((tag) => b.includes(tag));

/**
 * The customer's tags: predefined groups as switches, any other tag in a keyword input. Changes
 * are kept until "Save tags", which PUTs only the tags.
 */
export const CustomerTags = ({ customer, groups, canUpdate, onSaved }: CustomerTagsProps) => {
  const t = useT();
  const api = useCustomerApi();
  const { toggleNotification } = useNotification();
  const [tags, setTags] = useState(customer.tags);
  const [saving, setSaving] = useState(false);
  useEffect(() => setTags(customer.tags), [customer.tags]);

  const grouped = new Set(groups.flatMap((group) => group.tags));
  const others = tags.filter((tag) => !grouped.has(tag));
  const dirty = !sameTags(tags, customer.tags);

  const save = async () => {
    setSaving(true);
    try {
      onSaved(await api.update(customer.documentId, { tags }));
      toggleNotification({ type: 'success', message: t('notification.tagsSaved') });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? t('notification.error'),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <ProfileCard
      title={t('section.tags')}
      actions={
        canUpdate && dirty ? (
          <Flex gap={2}>
            <Button variant="tertiary" size="S" onClick={() => setTags(customer.tags)}>
              {t('form.reset')}
            </Button>
            <Button size="S" startIcon={<Check />} loading={saving} onClick={save}>
              {t('tags.save')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {groups.map((group) => (
        <TagGroupSwitches
          key={group.name}
          group={group}
          tags={tags}
          disabled={!canUpdate || saving}
          onChange={(tag, on) =>
            setTags((current) =>
              on ? [...current, tag] : current.filter((other) => other !== tag)
            )
          }
        />
      ))}
      <TagsInput
        name="tags"
        label={groups.length > 0 ? t('tags.other') : t('customer.tags')}
        value={others}
        disabled={!canUpdate || saving}
        onChange={(next) => setTags([...tags.filter((tag) => grouped.has(tag)), ...next])}
      />
    </ProfileCard>
  );
};
