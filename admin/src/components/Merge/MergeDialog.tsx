import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { usePrivacyApi } from '../../services/privacy';
import { apiErrorMessage } from '../../utils/apiErrors';
import { customerName } from '../../utils/customerName';
import { Notice } from '../Notice';
import { mergeLabels } from './mergeLabels';
import { MergeCompare } from './MergeCompare';
import { MergePicker } from './MergePicker';

interface MergeDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The profile being viewed: it stays, the other one merges into it. */
  main: Customer;
  onMerged: (customer: Customer) => void;
}

/**
 * "Merge": pick the other customer (a suggested duplicate or a search result), see both side by
 * side with the result, and confirm; the other customer is then deleted.
 */
export const MergeDialog = ({ open, onOpenChange, main, onMerged }: MergeDialogProps) => {
  const t = useT();
  const api = usePrivacyApi();
  const { toggleNotification } = useNotification();
  const [other, setOther] = useState<Customer | null>(null);
  const [merging, setMerging] = useState(false);

  const labels = other ? mergeLabels(main, other, t) : null;

  const close = (next: boolean) => {
    if (!next) setOther(null);
    onOpenChange(next);
  };

  const merge = async () => {
    if (!other || !labels) return;
    setMerging(true);
    try {
      const { customer } = await api.merge(main.documentId, other.documentId);
      toggleNotification({
        type: 'success',
        message: t('merge.done', { other: labels.other, name: labels.main }),
      });
      close(false);
      onMerged(customer);
    } catch (failure) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(failure) ?? t('notification.error'),
      });
    } finally {
      setMerging(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={close}>
      <Modal.Content style={{ maxWidth: '96rem', width: '92vw' }}>
        <Modal.Header closeLabel={t('import.close')}>
          <Modal.Title>{t('merge.title', { name: customerName(main, t) })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {other && labels ? (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <MergeCompare main={main} other={other} labels={labels} />
              <Notice variant="warning" title={t('merge.warning.title')}>
                {t('merge.warning', { other: labels.other })}
              </Notice>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral600">{t('merge.intro')}</Typography>
              <MergePicker main={main} onPick={setOther} />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          {other && labels ? (
            <>
              <Button variant="tertiary" onClick={() => setOther(null)}>
                {t('merge.back')}
              </Button>
              <Button variant="danger" loading={merging} onClick={merge}>
                {t('merge.confirm', { other: labels.other })}
              </Button>
            </>
          ) : (
            <Button variant="tertiary" onClick={() => close(false)}>
              {t('form.cancel')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
