import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { ProfileCard } from '../Profile/ProfileCard';

const example = JSON.stringify(
  { mode: 'add', emails: ['jan@example.com'], referenceIds: ['CRM1001'] },
  null,
  2
);

/** The admin API's origin (Strapi's backend URL, or this page's when they are the same). */
const backend = () =>
  (window as { strapi?: { backendURL?: string } }).strapi?.backendURL || window.location.origin;

/**
 * External segments have no rules: a CRM or CDP pushes their members. This says so in an
 * editor's words, gives the segment's address with a copy button once the segment exists, and
 * keeps the request itself for the developer who connects the system.
 */
export const ExternalSegmentHelp = ({ documentId }: { documentId?: string }) => {
  const t = useT();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const url = documentId ? `${backend()}/${PLUGIN_ID}/segments/${documentId}/members` : null;
  const request = `PUT ${url ?? `/${PLUGIN_ID}/segments/<id>/members`}\nAuthorization: Bearer <admin token>\nContent-Type: application/json\n\n${example}`;
  const copyText = async (text: string) => {
    const done = await copy(text);
    toggleNotification(
      done
        ? { type: 'success', message: t('external.copied') }
        : { type: 'warning', message: t('external.copyFailed') }
    );
  };
  const code = { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;
  return (
    <ProfileCard title={t('external.title')}>
      <Typography textColor="neutral800">{t('external.intro.editor')}</Typography>
      {url ? (
        <Field.Root name="external-url" hint={t('external.url.hint')}>
          <Field.Label>{t('external.url')}</Field.Label>
          <Flex gap={2} alignItems="flex-start">
            <Box flex="1" minWidth={0}>
              <TextInput value={url} readOnly />
            </Box>
            <Button variant="secondary" startIcon={<Duplicate />} onClick={() => copyText(url)}>
              {t('external.copy')}
            </Button>
          </Flex>
          <Field.Hint />
        </Field.Root>
      ) : (
        <Typography textColor="neutral600">{t('external.afterSave')}</Typography>
      )}
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        <li>
          <Typography textColor="neutral800">{t('external.modes.editor')}</Typography>
        </li>
        <li>
          <Typography textColor="neutral800">{t('external.auth')}</Typography>
        </li>
      </Flex>
      <details>
        <Typography tag="summary" fontWeight="bold" textColor="neutral800">
          {t('external.forDevelopers')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          <Box background="neutral100" padding={4} hasRadius>
            <Typography tag="pre" variant="omega" style={code}>
              {request}
            </Typography>
          </Box>
          <Box>
            <Button variant="tertiary" startIcon={<Duplicate />} onClick={() => copyText(request)}>
              {t('external.copyRequest')}
            </Button>
          </Box>
          <Typography textColor="neutral800">{t('external.modes')}</Typography>
          <Typography textColor="neutral800">{t('external.limits')}</Typography>
          <Typography textColor="neutral800">{t('external.answer')}</Typography>
        </Flex>
      </details>
    </ProfileCard>
  );
};
