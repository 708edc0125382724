import { Flex, Grid } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useT } from '../../hooks/useT';
import { CountryField } from './CountryField';
import { ConsentRows } from './ConsentRows';
import { DateField } from './DateField';
import { FormSection } from './FormSection';
import { errorFor, type TextKey } from './formValues';
import { GenderField } from './GenderField';
import { ListInput } from './ListInput';
import { TagsInput } from '../TagsInput';
import { TextField } from './TextField';
import type { CustomerFormState } from './useCustomerForm';

type Props = Pick<CustomerFormState, 'values' | 'errors' | 'setField'>;

const today = new Date();

/** Every field of a customer profile, grouped as on the profile page; used to add and to edit. */
export const CustomerFormFields = ({ values, errors, setField }: Props) => {
  const t = useT();
  const text = (
    key: TextKey,
    label: string,
    extra: { hint?: string; autoComplete?: string } = {}
  ) => (
    <TextField
      name={key}
      label={label}
      value={values[key]}
      error={errors[key]}
      onChange={(value) => setField(key, value)}
      {...extra}
    />
  );
  const item = (col: number, node: ReactNode) => (
    <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
      {node}
    </Grid.Item>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <FormSection title={t('section.details')}>
        <Grid.Root gap={5}>
          {item(6, text('firstName', t('customer.firstName'), { autoComplete: 'off' }))}
          {item(6, text('lastName', t('customer.lastName'), { autoComplete: 'off' }))}
          {item(6, text('jobTitle', t('customer.jobTitle')))}
          {item(
            6,
            text('referenceId', t('customer.referenceId'), { hint: t('form.referenceId.hint') })
          )}
          {item(
            6,
            <GenderField
              value={values.gender}
              error={errors.gender}
              onChange={(value) => setField('gender', value)}
            />
          )}
          {item(
            6,
            <DateField
              name="dateOfBirth"
              label={t('customer.dateOfBirth')}
              value={values.dateOfBirth}
              error={errors.dateOfBirth}
              maxDate={today}
              minDate={new Date(Date.UTC(1900, 0, 1))}
              onChange={(value) => setField('dateOfBirth', value)}
            />
          )}
        </Grid.Root>
      </FormSection>

      <FormSection title={t('section.contact')}>
        <Grid.Root gap={5}>
          {item(
            6,
            <ListInput
              name="emails"
              type="email"
              legend={t('customer.emails')}
              itemLabel={(n) => t('form.email.item', { n })}
              addLabel={t('form.email.add')}
              removeLabel={(n) => t('form.email.remove', { n })}
              values={values.emails}
              errors={errors}
              onChange={(emails) => setField('emails', emails)}
            />
          )}
          {item(
            6,
            <ListInput
              name="phones"
              type="tel"
              legend={t('customer.phones')}
              hint={t('form.phone.hint')}
              itemLabel={(n) => t('form.phone.item', { n })}
              addLabel={t('form.phone.add')}
              removeLabel={(n) => t('form.phone.remove', { n })}
              values={values.phones}
              errors={errors}
              onChange={(phones) => setField('phones', phones)}
            />
          )}
        </Grid.Root>
      </FormSection>

      <FormSection title={t('section.address')}>
        <Grid.Root gap={5}>
          {item(8, text('street', t('customer.street')))}
          {item(4, text('houseNumber', t('customer.houseNumber')))}
          {item(4, text('zipCode', t('customer.zipCode')))}
          {item(8, text('city', t('customer.city')))}
          {item(
            12,
            <CountryField
              value={values.country}
              error={errors.country}
              onChange={(value) => setField('country', value)}
            />
          )}
        </Grid.Root>
      </FormSection>

      <FormSection title={t('section.tags')}>
        <TagsInput
          name="tags"
          label={t('customer.tags')}
          value={values.tags}
          error={errorFor(errors, 'tags')}
          onChange={(tags) => setField('tags', tags)}
        />
      </FormSection>

      <FormSection title={t('section.consents')}>
        <ConsentRows
          field="subscriptions"
          rows={values.subscriptions}
          nameKey="subscription"
          dateKey="subscribedAt"
          empty={{ subscription: '', subscribedAt: '' }}
          errors={errors}
          onChange={(rows) => setField('subscriptions', rows)}
          labels={{
            legend: t('customer.subscriptions'),
            name: (n) => t('form.subscription.name', { n }),
            date: (n) => t('form.subscription.date', { n }),
            add: t('form.subscription.add'),
            remove: (n) => t('form.subscription.remove', { n }),
          }}
        />
        <ConsentRows
          field="terms"
          rows={values.terms}
          nameKey="termId"
          dateKey="givenAt"
          empty={{ termId: '', givenAt: '' }}
          errors={errors}
          onChange={(rows) => setField('terms', rows)}
          labels={{
            legend: t('customer.terms'),
            hint: t('form.term.hint'),
            name: (n) => t('form.term.name', { n }),
            date: (n) => t('form.term.date', { n }),
            add: t('form.term.add'),
            remove: (n) => t('form.term.remove', { n }),
          }}
        />
      </FormSection>
    </Flex>
  );
};
