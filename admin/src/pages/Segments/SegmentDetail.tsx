import { Button, Flex, Tabs, Typography } from '@strapi/design-system';
import { Check, Trash } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Segment, SegmentUpdate } from '../../../../contracts/segments';
import { DeleteDialog } from '../../components/DeleteDialog';
import { KindBadge } from '../../components/Segments/KindBadge';
import { LastComputed } from '../../components/Segments/LastComputed';
import { SegmentFormFields } from '../../components/Segments/SegmentFormFields';
import { SegmentHistory } from '../../components/Segments/SegmentHistory';
import { SegmentMembers } from '../../components/Segments/SegmentMembers';
import { useSegmentForm } from '../../components/Segments/useSegmentForm';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useRecomputeWatch } from '../../hooks/useRecomputeWatch';
import { useT } from '../../hooks/useT';
import { useSegmentApi } from '../../services/segments';
import { apiErrorMessage } from '../../utils/apiErrors';
import { paths } from '../../utils/paths';
import { toSegmentFormValues } from '../../utils/segmentForm';

const TABS = ['rules', 'members', 'size'] as const;
type Tab = (typeof TABS)[number];
const FORM_ID = 'segment-form';

interface SegmentDetailProps {
  segment: Segment;
  query: { reload: () => void; isFetching: boolean };
}

/**
 * A stored segment: its builder (or, for an external segment, how a CRM pushes members), its
 * members and its size over time, as tabs kept in the URL. Saving new rules starts a recompute
 * in the background; "computing…" shows until it is done (polled every 2 s).
 */
export const SegmentDetail = ({ segment, query }: SegmentDetailProps) => {
  const t = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const api = useSegmentApi();
  const { canManage } = useSegmentPermissions();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'rules';
  const [deleteOpen, setDeleteOpen] = useState(false);
  const { computing, expectRecompute } = useRecomputeWatch(segment, query);
  // The form starts from the segment as first loaded; polling must not reset what is typed.
  const initialValues = useMemo(() => toSegmentFormValues(segment), [segment.documentId]); // eslint-disable-line react-hooks/exhaustive-deps

  const form = useSegmentForm<SegmentUpdate>({
    initialValues,
    mode: 'update',
    onSubmit: async (input) => {
      const rulesChanged =
        input.rules !== undefined && JSON.stringify(input.rules) !== JSON.stringify(segment.rules);
      await api.update(segment.documentId, input);
      if (rulesChanged) expectRecompute(segment);
      toggleNotification({
        type: 'success',
        message: rulesChanged
          ? t('notification.segmentSaved.recompute')
          : t('notification.segmentSaved'),
      });
      query.reload();
    },
  });

  const remove = async () => {
    try {
      await api.remove(segment.documentId);
      toggleNotification({
        type: 'success',
        message: t('notification.segmentDeleted', { name: segment.name }),
      });
      navigate(paths.segments, { replace: true });
    } catch (failure) {
      setDeleteOpen(false);
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    }
  };

  return (
    <Page.Main>
      <Page.Title>{segment.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.segments} />}
        title={segment.name}
        subtitle={t(computing ? 'segment.subtitle.computing' : 'segment.subtitle', {
          segmentId: segment.segmentId,
        })}
        secondaryAction={<KindBadge kind={segment.kind} />}
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              <Button
                variant="danger-light"
                startIcon={<Trash />}
                onClick={() => setDeleteOpen(true)}
              >
                {t('segment.delete')}
              </Button>
              {tab === 'rules' && (
                <Button
                  type="submit"
                  form={FORM_ID}
                  startIcon={<Check />}
                  loading={form.isSubmitting}
                >
                  {t('segmentForm.save')}
                </Button>
              )}
            </Flex>
          ) : null
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Typography fontWeight="semiBold" textColor="neutral800">
            {t('segment.members', { count: segment.memberCount })}
          </Typography>
          <LastComputed segment={segment} computing={computing} />
        </Flex>
        <Tabs.Root
          value={tab}
          variant="simple"
          onValueChange={(next) =>
            setParams(next === 'rules' ? {} : { tab: next }, { replace: true })
          }
        >
          <Tabs.List aria-label={t('segment.tabs')}>
            <Tabs.Trigger value="rules">
              {segment.kind === 'rule' ? t('segment.tab.rules') : t('segment.tab.settings')}
            </Tabs.Trigger>
            <Tabs.Trigger value="members">{t('segment.tab.members')}</Tabs.Trigger>
            <Tabs.Trigger value="size">{t('segment.tab.size')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="rules">
            <form
              id={FORM_ID}
              noValidate
              onSubmit={form.handleSubmit}
              style={{ paddingTop: '1.6rem' }}
            >
              <SegmentFormFields
                form={form}
                documentId={segment.documentId}
                ownSegmentId={segment.segmentId}
                disabled={!canManage}
              />
            </form>
          </Tabs.Content>
          <Tabs.Content value="members" style={{ paddingTop: '1.6rem' }}>
            <SegmentMembers
              key={segment.lastComputedAt ?? 'none'}
              documentId={segment.documentId}
            />
          </Tabs.Content>
          <Tabs.Content value="size" style={{ paddingTop: '1.6rem' }}>
            <SegmentHistory
              key={segment.lastComputedAt ?? 'none'}
              documentId={segment.documentId}
            />
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
      <DeleteDialog
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        title={t('segment.delete.title')}
        message={t('segment.delete.confirm', { name: segment.name, count: segment.memberCount })}
        confirmLabel={t('segment.delete')}
        onConfirm={remove}
      />
    </Page.Main>
  );
};
