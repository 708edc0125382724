import {
  Box,
  Button,
  Checkbox,
  Flex,
  IconButton,
  Popover,
  Typography,
} from '@strapi/design-system';
import { Cog } from '@strapi/icons';
import { useT } from '../../hooks/useT';
import { CUSTOMER_COLUMNS, type CustomerColumn } from './customerColumns';

interface ColumnPickerProps {
  columns: CustomerColumn[];
  onToggle: (column: CustomerColumn) => void;
  onReset: () => void;
}

/** The list's "Choose columns" menu, as the Content Manager's list view settings. */
export const ColumnPicker = ({ columns, onToggle, onReset }: ColumnPickerProps) => {
  const t = useT();
  return (
    <Popover.Root>
      <Popover.Trigger>
        <IconButton label={t('list.columns')} variant="tertiary">
          <Cog />
        </IconButton>
      </Popover.Trigger>
      <Popover.Content
        sideOffset={4}
        align="end"
        style={{
          maxHeight: 'var(--radix-popover-content-available-height)',
          overflowY: 'auto',
        }}
      >
        <Flex
          tag="fieldset"
          direction="column"
          alignItems="stretch"
          gap={3}
          padding={4}
          style={{ border: 0, margin: 0, minWidth: '20rem' }}
        >
          <Flex justifyContent="space-between" gap={4}>
            <Typography tag="legend" variant="sigma" textColor="neutral600">
              {t('list.columns.title')}
            </Typography>
            <Button variant="tertiary" size="S" onClick={onReset}>
              {t('list.columns.reset')}
            </Button>
          </Flex>
          <Box tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {CUSTOMER_COLUMNS.map((column) => (
              <Box tag="li" key={column} paddingTop={1} paddingBottom={1}>
                <Checkbox
                  checked={columns.includes(column)}
                  onCheckedChange={() => onToggle(column)}
                >
                  {t(`list.column.${column}`)}
                </Checkbox>
              </Box>
            ))}
          </Box>
        </Flex>
      </Popover.Content>
    </Popover.Root>
  );
};
