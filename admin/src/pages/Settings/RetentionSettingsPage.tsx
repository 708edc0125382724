import { Button, Flex } from '@strapi/design-system';
import { Check, Play } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { ValidationError } from 'yup';
import {
  retentionSchema,
  type GetRetention,
  type RetentionSettings,
} from '../../../../contracts/retention';
import { DeleteDialog } from '../../components/DeleteDialog';
import { Notice } from '../../components/Notice';
import { ProfileCard } from '../../components/Profile/ProfileCard';
import { RetentionFields } from '../../components/Retention/RetentionFields';
import { RetentionRuns } from '../../components/Retention/RetentionRuns';
import {
  useCustomerPermissions,
  useProfileActionPermissions,
  useSettingsPermissions,
} from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { pluginPermissions } from '../../permissions';
import { useRetention, useRetentionApi } from '../../services/retention';
import {
  apiErrorMessage,
  fieldErrorsFromApi,
  fieldErrorsFromYup,
  type FieldErrors,
} from '../../utils/apiErrors';

interface RetentionFormProps {
  overview: GetRetention.Response['data'];
  canUpdate: boolean;
  /** Whether the admin may anonymize or delete (in bulk) by hand: the same for retention. */
  mayApply: Record<RetentionSettings['action'], boolean>;
  /** Load the overview again (the count of the next run, the runs). */
  reload: () => void;
}

/** The rule as stored, edited in place; what the next run would take; Run now; the runs. */
const RetentionForm = ({ overview, canUpdate, mayApply, reload }: RetentionFormProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const api = useRetentionApi();
  const [value, setValue] = useState<RetentionSettings>(overview.settings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [runOpen, setRunOpen] = useState(false);
  const saved = overview.settings;
  const count = overview.nextRunCount;
  // The server refuses to save or run an action the admin may not do by hand.
  const canSave = canUpdate && mayApply[value.action];
  const canRun = canUpdate && mayApply[saved.action];
  const fail = (failure: unknown) =>
    toggleNotification({
      type: 'danger',
      message: apiErrorMessage(failure) ?? t('notification.error'),
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      retentionSchema.validateSync(value, { abortEarly: false });
    } catch (invalid) {
      if (!(invalid instanceof ValidationError)) throw invalid;
      return setErrors(fieldErrorsFromYup(invalid));
    }
    setErrors({});
    setSaving(true);
    try {
      setValue((await api.update(value)).settings);
      toggleNotification({ type: 'success', message: t('retention.saved') });
      reload();
    } catch (failure) {
      setErrors(fieldErrorsFromApi(failure) ?? {});
      fail(failure);
    } finally {
      setSaving(false);
    }
  };

  const run = async () => {
    try {
      const result = await api.run();
      toggleNotification(
        result.ran
          ? {
              type: 'success',
              message: t(`retention.ran.${saved.action}`, { count: result.count }),
            }
          : { type: 'warning', message: t('retention.notRun') }
      );
      reload();
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <form noValidate onSubmit={save}>
      <Layouts.Header
        title={t('retention.title')}
        subtitle={t('retention.subtitle')}
        primaryAction={
          canUpdate ? (
            <Flex gap={2}>
              {canRun && (
                <Button variant="secondary" startIcon={<Play />} onClick={() => setRunOpen(true)}>
                  {t('retention.runNow')}
                </Button>
              )}
              <Button type="submit" startIcon={<Check />} loading={saving} disabled={!canSave}>
                {t('form.save')}
              </Button>
            </Flex>
          ) : null
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Notice variant="warning" title={t(`retention.next.${saved.action}`, { count })}>
            {saved.enabled ? t('retention.next.on') : t('retention.next.off')}
          </Notice>
          {canUpdate && !canSave && (
            <Notice variant="warning" title={t(`retention.needs.${value.action}`)}>
              {t('retention.needs.hint')}
            </Notice>
          )}
          <ProfileCard title={t('retention.rule')}>
            <RetentionFields
              value={value}
              onChange={(change) => setValue((v) => ({ ...v, ...change }))}
              errors={errors}
              disabled={!canUpdate}
            />
          </ProfileCard>
          <RetentionRuns runs={overview.runs} />
        </Flex>
      </Layouts.Content>
      <DeleteDialog
        open={runOpen}
        onOpenChange={setRunOpen}
        title={t('retention.runNow')}
        message={t(`retention.run.confirm.${saved.action}`, { count })}
        confirmLabel={t('retention.runNow')}
        onConfirm={run}
      />
    </form>
  );
};

/** Settings > Segments > Data retention. */
const RetentionSettings = () => {
  const t = useT();
  const { canUpdate, isLoading: loadingPermissions } = useSettingsPermissions();
  const { canBulkUpdate, isLoading: loadingBulk } = useCustomerPermissions();
  const { canAnonymize, isLoading: loadingAnonymize } = useProfileActionPermissions();
  const { data, error, isLoading, reload } = useRetention();
  if (isLoading || loadingPermissions || loadingBulk || loadingAnonymize) return <Page.Loading />;
  if (error || !data) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{t('retention.title')}</Page.Title>
      <RetentionForm
        overview={data.data}
        canUpdate={canUpdate}
        mayApply={{ anonymize: canAnonymize, delete: canBulkUpdate }}
        reload={reload}
      />
    </Page.Main>
  );
};

/** The retention settings page, shown only to admins who may read the plugin's settings. */
const RetentionSettingsPage = () => (
  <Page.Protect permissions={pluginPermissions.readSettings}>
    <RetentionSettings />
  </Page.Protect>
);

export default RetentionSettingsPage;
