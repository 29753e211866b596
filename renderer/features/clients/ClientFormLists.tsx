// The client form's repeated parts: contact people and powers of attorney (number, notary, dates, pleading clause).
import { ActionIcon, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { clientInput, ClientInput } from '../../../electron/contract/procedures/parties';
import { DateField } from '../../components/DateField';
import { fieldMessage } from '../../components/errorMessage';

type Form = UseFormReturn<ClientInput, unknown, z.output<typeof clientInput>>;

export function ContactsFields({ form }: { form: Form }): React.JSX.Element {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const errors = form.formState.errors.contacts;
  return (
    <Fieldset legend={t('clients.contacts')}>
      <Stack gap="xs">
        {fields.map((f, i) => (
          <Group key={f.id} align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs" flex={1}>
              <TextInput label={t('clients.contact_name')} withAsterisk error={fieldMessage(errors?.[i]?.name?.message, t)} {...form.register(`contacts.${i}.name`)} />
              <TextInput label={t('clients.contact_title')} error={fieldMessage(errors?.[i]?.title?.message, t)} {...form.register(`contacts.${i}.title`)} />
              <TextInput label={t('clients.phone')} dir="ltr" error={fieldMessage(errors?.[i]?.phone?.message, t)} {...form.register(`contacts.${i}.phone`)} />
              <TextInput label={t('clients.email')} dir="ltr" error={fieldMessage(errors?.[i]?.email?.message, t)} {...form.register(`contacts.${i}.email`)} />
            </SimpleGrid>
            <ActionIcon variant="subtle" color="red" mt={28} onClick={() => remove(i)} aria-label={t('common.remove')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => append({ name: '', title: '', phone: '', email: '' })}>
            {t('clients.add_contact')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function PoaFields({ form }: { form: Form }): React.JSX.Element {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'powersOfAttorney' });
  const errors = form.formState.errors.powersOfAttorney;
  return (
    <Fieldset legend={t('clients.poa')}>
      <Stack gap="xs">
        {fields.map((f, i) => (
          <Group key={f.id} align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" flex={1}>
              <TextInput label={t('clients.poa_number')} withAsterisk dir="ltr" error={fieldMessage(errors?.[i]?.number?.message, t)} data-testid={`poa-${i}-number`} {...form.register(`powersOfAttorney.${i}.number`)} />
              <TextInput label={t('clients.poa_notary')} error={fieldMessage(errors?.[i]?.notary?.message, t)} {...form.register(`powersOfAttorney.${i}.notary`)} />
              <Controller
                control={form.control}
                name={`powersOfAttorney.${i}.issuedOn`}
                render={({ field, fieldState }) => (
                  <DateField label={t('clients.poa_issued_on')} withAsterisk value={field.value} onChange={field.onChange} error={fieldMessage(fieldState.error?.message, t)} testId={`poa-${i}-issuedOn`} />
                )}
              />
              <Controller
                control={form.control}
                name={`powersOfAttorney.${i}.expiresOn`}
                render={({ field, fieldState }) => (
                  <DateField label={t('clients.poa_expires_on')} value={field.value} onChange={field.onChange} error={fieldMessage(fieldState.error?.message, t)} testId={`poa-${i}-expiresOn`} />
                )}
              />
              <Checkbox label={t('clients.poa_pleading')} {...form.register(`powersOfAttorney.${i}.pleadingClause`)} />
            </SimpleGrid>
            <ActionIcon variant="subtle" color="red" mt={28} onClick={() => remove(i)} aria-label={t('common.remove')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => append({ number: '', notary: '', issuedOn: '', expiresOn: '', pleadingClause: true })} data-testid="poa-add">
            {t('clients.add_poa')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
