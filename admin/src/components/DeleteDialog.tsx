import { Button, Dialog } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { ReactElement } from 'react';
import { useT } from '../hooks/useT';

interface DeleteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What will be deleted, count included; the body of the dialog. */
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** The dialog's heading (default: "Delete customers"). */
  title?: string;
  /** The confirm button's icon (default: a trash can), for confirmations that delete nothing. */
  icon?: ReactElement;
}

/** "Are you sure?" before deleting; the confirm button names what it does. */
export const DeleteDialog = ({
  open,
  onOpenChange,
  message,
  confirmLabel,
  onConfirm,
  title,
  icon = <Trash />,
}: DeleteDialogProps) => {
  const t = useT();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <ConfirmDialog
        title={title ?? t('delete.title')}
        endAction={
          <Dialog.Action>
            <Button fullWidth variant="danger-light" startIcon={icon} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Dialog.Action>
        }
      >
        {message}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
