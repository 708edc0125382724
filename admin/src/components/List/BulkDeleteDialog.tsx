import type { Selection } from '../../hooks/useRowSelection';
import { useT } from '../../hooks/useT';
import { DeleteDialog } from '../DeleteDialog';

interface BulkDeleteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  selection: Selection;
  /** How many customers the selection stands for. */
  count: number;
  /** True when the list is filtered (then "all matching", else "all customers"). */
  filtered: boolean;
  onConfirm: () => void;
}

/** Confirms deleting the selected customers, or all (matching), saying how many. */
export const BulkDeleteDialog = ({
  selection,
  count,
  filtered,
  ...dialog
}: BulkDeleteDialogProps) => {
  const t = useT();
  const message =
    selection.mode === 'rows'
      ? t('bulkDelete.confirm.rows', { count })
      : filtered
        ? t('bulkDelete.confirm.matching', { count })
        : t('bulkDelete.confirm.all', { count });
  return <DeleteDialog {...dialog} message={message} confirmLabel={t('actions.delete')} />;
};
