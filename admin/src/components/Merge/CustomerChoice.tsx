import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import type { Customer } from '../../../../contracts/customers';
import type { DuplicateReason } from '../../../../contracts/merges';
import { useT } from '../../hooks/useT';
import { customerName } from '../../utils/customerName';

interface CustomerChoiceProps {
  customer: Customer;
  /** Why it looks like a duplicate (suggestions only). */
  reasons?: DuplicateReason[];
  onPick: (customer: Customer) => void;
}

/** One customer the editor may pick to merge: name, email, phone, reasons and "Choose". */
export const CustomerChoice = ({ customer, reasons, onPick }: CustomerChoiceProps) => {
  const t = useT();
  const name = customerName(customer, t);
  const contact = [customer.emails[0], customer.phones[0]].filter(Boolean).join(' · ');
  return (
    <Box tag="li" borderColor="neutral200" hasRadius padding={3}>
      <Flex justifyContent="space-between" gap={3} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography fontWeight="bold" textColor="neutral800">
            {name}
          </Typography>
          {contact && (
            <Typography variant="pi" textColor="neutral600">
              {contact}
            </Typography>
          )}
          {reasons && reasons.length > 0 && (
            <Flex gap={1} wrap="wrap">
              {reasons.map((reason) => (
                <Badge key={reason}>{t(`merge.reason.${reason}`)}</Badge>
              ))}
            </Flex>
          )}
        </Flex>
        <Button
          variant="secondary"
          size="S"
          disabled={customer.anonymizedAt !== null}
          onClick={() => onPick(customer)}
          aria-label={t('merge.choose.named', { name })}
        >
          {t('merge.choose')}
        </Button>
      </Flex>
    </Box>
  );
};
