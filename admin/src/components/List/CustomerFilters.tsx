import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  NumberInput,
  Popover,
  TextInput,
} from '@strapi/design-system';
import { Filter } from '@strapi/icons';
import { useState, type FormEvent } from 'react';
import type { Gender } from '../../../../contracts/constants';
import { useT } from '../../hooks/useT';
import { countFilters, type FilterKey, type ListFilters } from '../../utils/listQuery';
import { CountryField } from '../CustomerForm/CountryField';
import { DateField } from '../CustomerForm/DateField';
import { GenderField } from '../CustomerForm/GenderField';
import { SegmentFilterField } from './SegmentFilterField';

interface CustomerFiltersProps {
  filters: ListFilters;
  onApply: (filters: ListFilters) => void;
}

/** The "Filters" button and its popover: gender, country, tag, segment, created, age. */
export const CustomerFilters = ({ filters, onApply }: CustomerFiltersProps) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ListFilters>(filters);
  const set = (key: FilterKey, value: string | number | undefined) =>
    setDraft((d) => ({
      ...d,
      [key]: value === undefined || value === '' ? undefined : String(value),
    }));
  const age = (key: 'ageMin' | 'ageMax') => (draft[key] ? Number(draft[key]) : undefined);
  const active = countFilters(filters);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ q: filters.q, ...draft });
    setOpen(false);
  };

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(filters);
        setOpen(next);
      }}
    >
      <Popover.Trigger>
        <Button variant="tertiary" startIcon={<Filter />}>
          {active > 0 ? t('filters.buttonCount', { count: active }) : t('filters.button')}
        </Button>
      </Popover.Trigger>
      <Popover.Content
        sideOffset={4}
        collisionPadding={8}
        style={{
          width: '48rem',
          maxWidth: '90vw',
          // Never taller than the room below (or above) the button: the fields scroll, and
          // Reset and Apply stay in view (1024x768 had them off-screen).
          maxHeight: 'var(--radix-popover-content-available-height)',
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        <Flex
          tag="form"
          direction="column"
          alignItems="stretch"
          onSubmit={apply}
          aria-label={t('filters.title')}
          style={{ minHeight: 0, flex: 1 }}
        >
          <Box padding={4} style={{ overflowY: 'auto', minHeight: 0, flex: 1 }}>
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <GenderField
                  name="filter-gender"
                  placeholder={t('filters.gender.any')}
                  value={(draft.gender as Gender | undefined) ?? ''}
                  onChange={(value) => set('gender', value)}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <CountryField
                  name="filter-country"
                  placeholder={t('filters.country.any')}
                  value={draft.country ?? ''}
                  onChange={(value) => set('country', value)}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="filter-tag" hint={t('filters.tag.hint')}>
                  <Field.Label>{t('filters.tag')}</Field.Label>
                  <TextInput value={draft.tag ?? ''} onChange={(e) => set('tag', e.target.value)} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <SegmentFilterField
                  value={draft.segment ?? ''}
                  onChange={(value) => set('segment', value)}
                />
              </Grid.Item>
              {(['createdFrom', 'createdTo'] as const).map((key) => (
                <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                  <DateField
                    name={`filter-${key}`}
                    label={t(`filters.${key}`)}
                    value={draft[key] ?? ''}
                    onChange={(value) => set(key, value)}
                  />
                </Grid.Item>
              ))}
              {(['ageMin', 'ageMax'] as const).map((key) => (
                <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={`filter-${key}`}>
                    <Field.Label>{t(`filters.${key}`)}</Field.Label>
                    <NumberInput
                      value={age(key)}
                      onValueChange={(value) => set(key, value)}
                      step={1}
                      min={0}
                      max={150}
                    />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
          </Box>
          <Flex
            justifyContent="flex-end"
            gap={2}
            padding={4}
            borderColor="neutral150"
            style={{ borderWidth: '1px 0 0 0', borderStyle: 'solid' }}
          >
            <Button variant="tertiary" onClick={() => setDraft({})}>
              {t('filters.reset')}
            </Button>
            <Button type="submit">{t('filters.apply')}</Button>
          </Flex>
        </Flex>
      </Popover.Content>
    </Popover.Root>
  );
};
