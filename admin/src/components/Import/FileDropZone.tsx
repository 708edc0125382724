import { Flex, Typography } from '@strapi/design-system';
import { CloudUpload } from '@strapi/icons';
import { useState, type DragEvent } from 'react';
import { styled } from 'styled-components';
import { useT } from '../../hooks/useT';

interface FileDropZoneProps {
  /** The input's id: the field's label names it. */
  id: string;
  describedBy: string;
  invalid: boolean;
  /** The chosen file's name and size, once there is one. */
  chosen?: string;
  onFile: (file: File | null) => void;
}

/** The dashed area, drawn as the Media Library's upload zone; the whole of it opens the picker. */
const Zone = styled.label<{ $over: boolean; $invalid: boolean }>`
  display: block;
  cursor: pointer;
  padding: ${({ theme }) => theme.spaces[6]};
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px dashed
    ${({ theme, $over, $invalid }) =>
      $invalid
        ? theme.colors.danger600
        : $over
          ? theme.colors.primary600
          : theme.colors.neutral300};
  background: ${({ theme, $over }) => ($over ? theme.colors.primary100 : theme.colors.neutral100)};
  text-align: center;

  &:hover {
    border-color: ${({ theme }) => theme.colors.primary600};
  }
  &:focus-within {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

/** Visually hidden but focusable and labelled: the keyboard and screen readers use it. */
const HiddenInput = styled.input`
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  white-space: nowrap;
  border: 0;
`;

/** Drop a CSV file here, or click (or press Enter) to choose one. */
export const FileDropZone = ({ id, describedBy, invalid, chosen, onFile }: FileDropZoneProps) => {
  const t = useT();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files?.[0];
    if (file) onFile(file);
  };
  return (
    <Zone
      htmlFor={id}
      $over={over}
      $invalid={invalid}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <HiddenInput
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <Flex direction="column" alignItems="center" gap={2}>
        <CloudUpload aria-hidden width="2.4rem" height="2.4rem" fill="primary600" />
        <Typography variant="delta" textColor="neutral800">
          {chosen ?? t('import.drop')}
        </Typography>
        <Typography variant="pi" textColor="primary600" fontWeight="bold">
          {chosen ? t('import.drop.another') : t('import.drop.browse')}
        </Typography>
      </Flex>
    </Zone>
  );
};
