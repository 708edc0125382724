import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Cross, Pencil, Play } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { AbTestInput, AbTestStatus } from '../../../../contracts/ab-tests';
import { useSegmentPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { useAbTestApi, useAbTestResults } from '../../services/ab-tests';
import { apiErrorMessage } from '../../utils/apiErrors';
import { AbTestFormModal } from './AbTestFormModal';
import { AbTestVerdict } from './AbTestVerdict';
import { NothingToJudge, hasResults } from './NothingToJudge';
import { abTestPaths } from './paths';
import { RateChart } from './RateChart';
import { StatusBadge } from './StatusBadge';
import { VariantFigures } from './VariantFigures';

/** One test: exposures and conversions per variant, P(B beats A), and the rate chart. */
export const AbTestResultsPage = () => {
  const t = useT();
  const { documentId } = useParams<{ documentId: string }>();
  const { toggleNotification } = useNotification();
  const permissions = useSegmentPermissions();
  const api = useAbTestApi();
  const { data, error, isLoading, reload } = useAbTestResults(documentId);
  const [editing, setEditing] = useState(false);

  if (isLoading) return <Page.Loading />;
  if (error || !data) return <Page.Error />;
  const results = data.data;
  const test = results.test;

  const setStatus = async (status: AbTestStatus) => {
    try {
      await api.update(test.documentId, { status });
      reload();
    } catch (e) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(e) ?? t('notification.error'),
      });
    }
  };
  const save = async (input: AbTestInput) => {
    await api.update(test.documentId, input);
    reload();
  };

  const actions = permissions.canManage ? (
    <Flex gap={2}>
      <Button variant="tertiary" startIcon={<Pencil />} onClick={() => setEditing(true)}>
        {t('abTests.edit')}
      </Button>
      {test.status === 'running' ? (
        <Button variant="danger-light" startIcon={<Cross />} onClick={() => setStatus('stopped')}>
          {t('abTests.stop')}
        </Button>
      ) : (
        <Button startIcon={<Play />} onClick={() => setStatus('running')}>
          {t('abTests.start')}
        </Button>
      )}
    </Flex>
  ) : null;

  return (
    <Page.Main>
      <Page.Title>{test.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={abTestPaths.list} />}
        title={test.name}
        subtitle={t('abTests.subtitle', {
          a: test.split,
          b: 100 - test.split,
          event: test.conversionEventType,
        })}
        secondaryAction={<StatusBadge status={test.status} />}
        primaryAction={actions}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {hasResults(results.variants) ? (
            <AbTestVerdict results={results} />
          ) : (
            <NothingToJudge test={test} variants={results.variants} />
          )}
          <VariantFigures variants={results.variants} />
          {hasResults(results.variants) && (
            <Box>
              <Typography variant="delta" tag="h2">
                {t('abTests.chart.title')}
              </Typography>
              <Box paddingTop={3}>
                <RateChart variants={results.variants} />
              </Box>
              <Box paddingTop={2}>
                <Typography variant="pi" textColor="neutral600">
                  {t('abTests.chart.hint')}
                </Typography>
              </Box>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
      <AbTestFormModal open={editing} onOpenChange={setEditing} test={test} onSave={save} />
    </Page.Main>
  );
};
