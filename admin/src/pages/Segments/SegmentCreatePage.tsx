import { Button } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { SegmentInput } from '../../../../contracts/segments';
import { SegmentFormFields } from '../../components/Segments/SegmentFormFields';
import { useSegmentForm } from '../../components/Segments/useSegmentForm';
import { useT } from '../../hooks/useT';
import { useSegmentApi } from '../../services/segments';
import { paths } from '../../utils/paths';
import { toSegmentFormValues } from '../../utils/segmentForm';

const emptyForm = toSegmentFormValues();

/** "+ Create segment": the builder empty; on success the new segment's page opens, computing. */
export const SegmentCreatePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const api = useSegmentApi();
  const { toggleNotification } = useNotification();

  const form = useSegmentForm<SegmentInput>({
    initialValues: emptyForm,
    mode: 'create',
    onSubmit: async (input) => {
      const segment = await api.create(input);
      toggleNotification({
        type: 'success',
        message:
          segment.kind === 'rule'
            ? t('notification.segmentCreated.rule', { name: segment.name })
            : t('notification.segmentCreated.external', { name: segment.name }),
      });
      navigate(paths.segment(segment.documentId), { replace: true });
    },
  });

  return (
    <Page.Main>
      <Page.Title>{t('segmentForm.createTitle')}</Page.Title>
      <form noValidate onSubmit={form.handleSubmit}>
        <Layouts.Header
          navigationAction={<BackButton fallback={paths.segments} />}
          title={t('segmentForm.createTitle')}
          subtitle={t('segmentForm.createSubtitle')}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={form.isSubmitting}>
              {t('segmentForm.save')}
            </Button>
          }
        />
        <Layouts.Content>
          <SegmentFormFields form={form} />
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};
