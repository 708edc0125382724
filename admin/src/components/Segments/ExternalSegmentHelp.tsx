import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../hooks/useT';
import { ProfileCard } from '../Profile/ProfileCard';

const example = JSON.stringify(
  { mode: 'add', emails: ['jan@example.com'], referenceIds: ['CRM1001'] },
  null,
  2
);

/**
 * External segments have no rules: a CRM or CDP pushes their members. This says how, with the
 * segment's own URL once it exists.
 */
export const ExternalSegmentHelp = ({ documentId }: { documentId?: string }) => {
  const t = useT();
  const url = `PUT /segments/segments/${documentId ?? ':documentId'}/members`;
  const code = { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;
  return (
    <ProfileCard title={t('external.title')}>
      <Typography textColor="neutral800">{t('external.intro')}</Typography>
      <Box background="neutral100" padding={4} hasRadius>
        <Typography tag="pre" variant="omega" style={code}>
          {`${url}\nAuthorization: Bearer <admin token>\nContent-Type: application/json\n\n${example}`}
        </Typography>
      </Box>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        <li>
          <Typography textColor="neutral800">{t('external.modes')}</Typography>
        </li>
        <li>
          <Typography textColor="neutral800">{t('external.limits')}</Typography>
        </li>
        <li>
          <Typography textColor="neutral800">{t('external.answer')}</Typography>
        </li>
        <li>
          <Typography textColor="neutral800">{t('external.auth')}</Typography>
        </li>
      </Flex>
    </ProfileCard>
  );
};
