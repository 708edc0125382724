import { Box } from '@strapi/design-system';

interface ProgressProps {
  /** 0 to 100; null while it can't be told (a queued job). */
  value: number | null;
  label: string;
}

/**
 * A full-width progress bar with its value for assistive technology. (The design system's
 * ProgressBar is 10rem wide and does not pass its value on as `aria-valuenow`.)
 */
export const Progress = ({ value, label }: ProgressProps) => (
  <Box
    role="progressbar"
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={value ?? undefined}
    background="neutral150"
    hasRadius
    height="0.8rem"
    width="100%"
    overflow="hidden"
  >
    <Box
      background={value === null ? 'neutral300' : 'primary600'}
      height="100%"
      style={{ width: `${value ?? 100}%`, transition: 'width 0.4s ease-out' }}
    />
  </Box>
);
