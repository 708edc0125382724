import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { GroupNode } from '../../../../contracts/segment-rules';
import { useSegmentPreview } from '../../hooks/useSegmentPreview';
import { useT } from '../../hooks/useT';
import { apiErrorMessage } from '../../utils/apiErrors';
import { customerName } from '../../utils/customerName';
import { paths } from '../../utils/paths';
import { CARD } from '../card';

/**
 * The live count while editing rules: how many customers match now and ten of them (for admins
 * who may read customers), refreshed half a second after the last change (nothing is saved).
 * `rules` is null while the rules still need values.
 */
export const PreviewPanel = ({ rules }: { rules: GroupNode | null }) => {
  const t = useT();
  const preview = useSegmentPreview(rules);
  const { result } = preview;
  const failure = preview.error ? apiErrorMessage(preview.error) : undefined;
  // Absent for admins who may not read customers: they get the count only.
  const sample = result?.sample ?? [];

  return (
    <Flex
      tag="aside"
      aria-label={t('preview.title')}
      {...CARD}
      gap={3}
      padding={5}
      // Stays in view beside a long list of conditions, below the admin's sticky header.
      style={{ position: 'sticky', top: '8rem' }}
    >
      <Flex justifyContent="space-between" gap={2}>
        <Typography tag="h2" variant="delta">
          {t('preview.title')}
        </Typography>
        {preview.isPending && preview.ready && <Loader small>{t('preview.updating')}</Loader>}
      </Flex>
      <Box aria-live="polite" aria-busy={preview.isPending}>
        {!preview.ready ? (
          <Typography textColor="neutral600">{t('preview.incomplete')}</Typography>
        ) : failure ? (
          <Typography textColor="danger600">{failure}</Typography>
        ) : result ? (
          <Typography variant="alpha" tag="p">
            {t('preview.count', { count: result.count })}
          </Typography>
        ) : (
          <Typography textColor="neutral600">{t('preview.loading')}</Typography>
        )}
      </Box>
      {preview.ready && !failure && sample.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {t('preview.sample', { count: sample.length })}
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
            {sample.map((customer) => (
              <li key={customer.documentId}>
                <Typography
                  tag={Link}
                  to={paths.customer(customer.documentId)}
                  textColor="primary600"
                >
                  {customerName(customer, t)}
                </Typography>
                {customer.emails[0] && customerName(customer, t) !== customer.emails[0] && (
                  <Typography variant="pi" textColor="neutral600">
                    {' '}
                    · {customer.emails[0]}
                  </Typography>
                )}
              </li>
            ))}
          </Flex>
        </Flex>
      )}
    </Flex>
  );
};
