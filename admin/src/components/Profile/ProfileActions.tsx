import { Button, Flex } from '@strapi/design-system';
import { Download, EyeStriked, ManyToOne } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { Customer } from '../../../../contracts/customers';
import { useProfileActionPermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { usePrivacyApi } from '../../services/privacy';
import { apiErrorMessage } from '../../utils/apiErrors';
import { customerName } from '../../utils/customerName';
import { DeleteDialog } from '../DeleteDialog';
import { MergeDialog } from '../Merge/MergeDialog';

interface ProfileActionsProps {
  customer: Customer;
  /** The profile changed on the server (merged or anonymized): show it again. */
  onChanged: () => void;
}

/**
 * The profile's privacy actions in the right-hand panel: Merge (customers.merge), GDPR export
 * (anyone who may read the profile) and Anonymize (customers.anonymize), each confirmed first.
 */
export const ProfileActions = ({ customer, onChanged }: ProfileActionsProps) => {
  const t = useT();
  const api = usePrivacyApi();
  const { toggleNotification } = useNotification();
  const { canMerge, canAnonymize } = useProfileActionPermissions();
  const [mergeOpen, setMergeOpen] = useState(false);
  const [anonymizeOpen, setAnonymizeOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const name = customerName(customer, t);
  const anonymized = customer.anonymizedAt !== null;

  const fail = (failure: unknown) =>
    toggleNotification({
      type: 'danger',
      message: apiErrorMessage(failure) ?? t('notification.error'),
    });

  const gdprExport = async () => {
    setExporting(true);
    try {
      await api.gdprExport(customer.documentId);
    } catch (failure) {
      fail(failure);
    } finally {
      setExporting(false);
    }
  };

  const anonymize = async () => {
    try {
      await api.anonymize(customer.documentId);
      toggleNotification({ type: 'success', message: t('anonymize.done', { name }) });
      onChanged();
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {canMerge && !anonymized && (
        <Button
          variant="secondary"
          startIcon={<ManyToOne />}
          fullWidth
          onClick={() => setMergeOpen(true)}
        >
          {t('merge.button')}
        </Button>
      )}
      <Button
        variant="secondary"
        startIcon={<Download />}
        fullWidth
        loading={exporting}
        onClick={gdprExport}
      >
        {t('gdpr.export')}
      </Button>
      {canAnonymize && !anonymized && (
        <Button
          variant="danger-light"
          startIcon={<EyeStriked />}
          fullWidth
          onClick={() => setAnonymizeOpen(true)}
        >
          {t('anonymize.button')}
        </Button>
      )}
      {canMerge && (
        <MergeDialog
          open={mergeOpen}
          onOpenChange={setMergeOpen}
          main={customer}
          onMerged={onChanged}
        />
      )}
      <DeleteDialog
        open={anonymizeOpen}
        onOpenChange={setAnonymizeOpen}
        title={t('anonymize.title')}
        message={t('anonymize.confirm', { name })}
        confirmLabel={t('anonymize.button')}
        icon={<EyeStriked />}
        onConfirm={anonymize}
      />
    </Flex>
  );
};
