import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../hooks/useT';

interface FormFooterProps {
  submitting: boolean;
  /** Where Cancel goes (absent: no Cancel). */
  cancelTo?: string;
}

/**
 * Save again at the end of the form. Below 1100 px the admin's top bar covers the header that
 * follows the page down, so after scrolling the header's Save could not be clicked.
 */
export const FormFooter = ({ submitting, cancelTo }: FormFooterProps) => {
  const t = useT();
  return (
    <Flex justifyContent="flex-end" gap={2} paddingTop={6}>
      {cancelTo && (
        <Button tag={Link} to={cancelTo} variant="tertiary">
          {t('form.cancel')}
        </Button>
      )}
      <Button type="submit" startIcon={<Check />} loading={submitting}>
        {t('form.save')}
      </Button>
    </Flex>
  );
};
