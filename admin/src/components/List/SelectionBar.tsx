import { Box, Button, Flex, TextButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { RowSelection } from '../../hooks/useRowSelection';
import { useT } from '../../hooks/useT';

interface SelectionBarProps {
  selection: RowSelection;
  pageSize: number;
  total: number;
  onDelete: () => void;
}

/**
 * Shown while rows are selected: how many, "Select all N customers" once the whole page is, and
 * the Delete button. Announced politely so screen reader users hear the count change.
 */
export const SelectionBar = ({ selection, pageSize, total, onDelete }: SelectionBarProps) => {
  const t = useT();
  if (selection.count === 0) return null;
  const matching = selection.selection.mode === 'matching';
  return (
    <Box background="primary100" borderColor="primary200" hasRadius padding={3}>
      <Flex justifyContent="space-between" gap={4} wrap="wrap">
        <Flex gap={3} wrap="wrap" aria-live="polite">
          <Typography textColor="primary700">
            {matching
              ? t('list.selection.matching', { total })
              : selection.allOnPage && total > pageSize
                ? t('list.selection.page', { count: pageSize })
                : t('list.selection.rows', { count: selection.count })}
          </Typography>
          {!matching && selection.allOnPage && total > pageSize && (
            <TextButton onClick={selection.selectMatching}>
              {t('list.selection.selectMatching', { total })}
            </TextButton>
          )}
          <TextButton onClick={selection.clear}>{t('list.selection.clear')}</TextButton>
        </Flex>
        <Button variant="danger-light" size="S" startIcon={<Trash />} onClick={onDelete}>
          {t('bulkDelete.button', { count: selection.count })}
        </Button>
      </Flex>
    </Box>
  );
};
