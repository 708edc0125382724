import { Box, Button, Flex, IconButton, Typography } from '@strapi/design-system';
import { Check, Plus, Trash } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useRef, useState, type FormEvent } from 'react';
import { ValidationError } from 'yup';
import { settingsSchema, type TagGroup } from '../../../../contracts/settings';
import { TextField } from '../../components/CustomerForm/TextField';
import { TagsInput } from '../../components/TagsInput';
import { useSettingsPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { pluginPermissions } from '../../permissions';
import { useSettings, useSettingsApi } from '../../services/api';
import {
  apiErrorMessage,
  fieldErrorsFromApi,
  fieldErrorsFromYup,
  type FieldErrors,
} from '../../utils/apiErrors';
import { CARD } from '../../components/card';

/** The tag groups as stored, edited in place; Save (with settings.update) stores them all. */
const TagGroupsForm = ({ initial, canUpdate }: { initial: TagGroup[]; canUpdate: boolean }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const api = useSettingsApi();
  const [groups, setGroups] = useState<TagGroup[]>(initial);
  // A stable React key per group, so removing one keeps the others' half-typed tags in place.
  const nextKey = useRef(initial.length);
  const [keys, setKeys] = useState(() => initial.map((_, i) => i));
  const removeGroup = (index: number) => {
    setGroups((all) => all.filter((_, i) => i !== index));
    setKeys((all) => all.filter((_, i) => i !== index));
  };
  const addGroup = () => {
    setGroups((all) => [...all, { name: '', tags: [] }]);
    setKeys((all) => [...all, nextKey.current++]);
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const change = (index: number, group: Partial<TagGroup>) =>
    setGroups((all) => all.map((g, i) => (i === index ? { ...g, ...group } : g)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = { tagGroups: groups.map((g) => ({ name: g.name.trim(), tags: g.tags })) };
    try {
      settingsSchema.validateSync(value, { abortEarly: false });
    } catch (invalid) {
      if (!(invalid instanceof ValidationError)) throw invalid;
      setErrors(fieldErrorsFromYup(invalid));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await api.update(value);
      setGroups(saved.tagGroups);
      setKeys(saved.tagGroups.map(() => nextKey.current++));
      toggleNotification({ type: 'success', message: t('settings.saved') });
    } catch (failure) {
      setErrors(fieldErrorsFromApi(failure) ?? {});
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={save}>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        primaryAction={
          canUpdate ? (
            <Button type="submit" startIcon={<Check />} loading={saving}>
              {t('form.save')}
            </Button>
          ) : null
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {groups.length === 0 && (
            <Typography textColor="neutral600">{t('settings.empty')}</Typography>
          )}
          {groups.map((group, index) => (
            <Flex
              key={keys[index]}
              tag="fieldset"
              aria-label={group.name || t('settings.group.unnamed', { n: index + 1 })}
              {...CARD}
              gap={4}
              padding={6}
              style={{ border: 'none', margin: 0 }}
            >
              <Flex gap={2} alignItems="flex-end">
                <Box flex="1">
                  <TextField
                    name={`tagGroups.${index}.name`}
                    label={t('settings.group.name')}
                    value={group.name}
                    disabled={!canUpdate}
                    error={errors[`tagGroups.${index}.name`]}
                    onChange={(name) => change(index, { name })}
                  />
                </Box>
                {canUpdate && (
                  <IconButton
                    label={t('settings.group.remove', { name: group.name || index + 1 })}
                    variant="ghost"
                    onClick={() => removeGroup(index)}
                  >
                    <Trash />
                  </IconButton>
                )}
              </Flex>
              <TagsInput
                name={`tagGroups.${index}.tags`}
                label={t('settings.group.tags')}
                value={group.tags}
                disabled={!canUpdate}
                error={errors[`tagGroups.${index}.tags`]}
                onChange={(tags) => change(index, { tags })}
              />
            </Flex>
          ))}
          {canUpdate && (
            <Box>
              <Button variant="secondary" startIcon={<Plus />} onClick={addGroup}>
                {t('settings.group.add')}
              </Button>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </form>
  );
};

/** Settings > Segments > Tag groups: named sets of tags offered as switches on every profile. */
const TagGroupsSettings = () => {
  const t = useT();
  const { canUpdate, isLoading: loadingPermissions } = useSettingsPermissions();
  const { data, error, isLoading } = useSettings();
  if (isLoading || loadingPermissions) return <Page.Loading />;
  if (error || !data) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{t('settings.title')}</Page.Title>
      <TagGroupsForm initial={data.data.tagGroups} canUpdate={canUpdate} />
    </Page.Main>
  );
};

/** The settings page, shown only to admins who may read the plugin's settings. */
const TagGroupsSettingsPage = () => (
  <Page.Protect permissions={pluginPermissions.readSettings}>
    <TagGroupsSettings />
  </Page.Protect>
);

export default TagGroupsSettingsPage;
