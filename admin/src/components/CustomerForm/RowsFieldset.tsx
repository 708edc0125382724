import { Box, Button, Flex, IconButton, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface RowsFieldsetProps {
  legend: string;
  hint?: string;
  /** A message about the list as a whole (e.g. a duplicate), shown under it. */
  error?: string;
  count: number;
  addLabel: string;
  onAdd: () => void;
  /** The accessible name of row `index`'s remove button. */
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  renderRow: (index: number) => ReactNode;
}

/**
 * A group of repeated inputs (emails, phone numbers, subscriptions, terms) with a button to add
 * a row and one per row to remove it; a fieldset, so screen readers announce the group.
 */
export const RowsFieldset = ({
  legend,
  hint,
  error,
  count,
  addLabel,
  onAdd,
  removeLabel,
  onRemove,
  renderRow,
}: RowsFieldsetProps) => {
  const id = useId();
  const rowsRef = useRef<HTMLDivElement>(null);
  const added = useRef(false);

  // After "Add", move the focus into the new row so typing can go on from the keyboard.
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const rows = rowsRef.current?.querySelectorAll<HTMLElement>('[data-row]');
    rows?.[rows.length - 1]?.querySelector<HTMLElement>('input')?.focus();
  }, [count]);

  return (
    <Box
      tag="fieldset"
      borderStyle="none"
      padding={0}
      margin={0}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <Typography tag="legend" variant="pi" fontWeight="bold" textColor="neutral800">
        {legend}
      </Typography>
      <Flex ref={rowsRef} direction="column" alignItems="stretch" gap={2} paddingTop={1}>
        {Array.from({ length: count }, (_, index) => (
          <Flex key={index} gap={2} alignItems="flex-start" data-row="">
            <Box flex="1">{renderRow(index)}</Box>
            <Box paddingTop={1}>
              <IconButton
                label={removeLabel(index)}
                variant="ghost"
                onClick={() => onRemove(index)}
              >
                <Trash />
              </IconButton>
            </Box>
          </Flex>
        ))}
        {hint && (
          <Typography id={`${id}-hint`} variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        )}
        {error && (
          <Typography variant="pi" textColor="danger600" role="alert">
            {error}
          </Typography>
        )}
        <Box>
          <Button
            variant="tertiary"
            size="S"
            startIcon={<Plus />}
            onClick={() => {
              added.current = true;
              onAdd();
            }}
          >
            {addLabel}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};
