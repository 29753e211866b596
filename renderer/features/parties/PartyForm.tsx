// Debtor/guarantor form (person or company): IDs checked for an existing party on blur, phones, e-mails, national address.
import { Alert, Anchor, Button, Fieldset, Group, SegmentedControl, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { partyInput, type PartyDetail, type PartyInput, type PartyRow } from '../../../electron/contract/procedures/parties';
import { validateCommercialRegistration, validateNationalId } from '../../../electron/domain/validators';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { areaKeys } from '../cases/api';
import { EMPTY_PARTY, PARTY_FIELDS, partyToInput } from './partyValues';

export interface PartyFormProps {
  existing?: PartyDetail;
  onSaved: (p: PartyDetail) => void;
  onCancel: () => void;
}

type AddressKey = 'buildingNo' | 'street' | 'district' | 'city' | 'postalCode' | 'additionalNo';
const ADDRESS: AddressKey[] = ['buildingNo', 'street', 'district', 'city', 'postalCode', 'additionalNo'];

/** The first problem of an array field (phones.2 …) as a message. */
function arrayError(errors: unknown): string | undefined {
  if (!errors || typeof errors !== 'object') return undefined;
  if ('message' in errors && typeof errors.message === 'string') return errors.message;
  for (const v of Object.values(errors as Record<string, FieldError | undefined>)) if (v?.message) return v.message;
  return undefined;
}

export function PartyForm({ existing, onSaved, onCancel }: PartyFormProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<PartyRow | { id: number; name: string } | null>(null);
  const form = useForm<PartyInput, unknown, z.output<typeof partyInput>>({
    resolver: zodResolver(partyInput),
    defaultValues: existing ? partyToInput(existing) : EMPTY_PARTY,
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');

  const checkDuplicate = async (): Promise<void> => {
    const nationalId = form.getValues('nationalId') ?? '';
    const crNumber = form.getValues('crNumber') ?? '';
    const idOk = nationalId !== '' && validateNationalId(nationalId).ok;
    const crOk = crNumber !== '' && validateCommercialRegistration(crNumber).ok;
    if (!idOk && !crOk) return setDuplicate(null);
    try {
      const found = await call('parties.findByIdentifier', { nationalId: idOk ? nationalId : '', crNumber: crOk ? crNumber : '' });
      setDuplicate(found && found.id !== existing?.id ? found : null);
    } catch {
      setDuplicate(null); // The save will say what is wrong.
    }
  };

  const onSubmit = form.handleSubmit(async (input) => {
    setFailure(null);
    try {
      const saved = existing
        ? await call('parties.update', { id: existing.id, version: existing.version, party: input })
        : await call('parties.create', input);
      await queryClient.invalidateQueries({ queryKey: areaKeys.parties });
      onSaved(saved);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'parties.duplicate') {
        const d = e.details;
        const id = typeof d === 'object' && d !== null && 'id' in d && typeof d.id === 'number' ? d.id : 0;
        setDuplicate({ id, name: input.name });
      } else if (applyFieldIssues(e, form.setError, PARTY_FIELDS) === 0) setFailure(errorMessage(e, t));
    }
  });

  return (
    <form
      onSubmit={(e) => {
        e.stopPropagation(); // Inside the case form's modal, React would bubble the submit to the case form.
        void onSubmit(e);
      }}
      noValidate
      data-testid="party-form"
    >
      <Stack gap="md">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        {duplicate ? (
          <Alert color="orange" data-testid="party-duplicate">
            {t('parties.duplicate', { name: duplicate.name })}{' '}
            <Anchor component={Link} to={`/debtors/${duplicate.id}`} onClick={onCancel} data-testid="party-duplicate-open">
              {t('parties.open_existing')}
            </Anchor>
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <SegmentedControl
              value={field.value}
              onChange={(v) => field.onChange(v === 'company' ? 'company' : 'person')}
              data={[
                { value: 'person', label: t('parties.kind_person') },
                { value: 'company', label: t('parties.kind_company') },
              ]}
              data-testid="party-kind"
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextInput label={t('parties.name')} withAsterisk error={fieldMessage(errors.name?.message, t)} data-testid="party-name" {...form.register('name')} />
          <TextInput label={t('parties.name_en')} dir="ltr" error={fieldMessage(errors.nameEn?.message, t)} data-testid="party-nameEn" {...form.register('nameEn')} />
          {kind === 'person' ? (
            <TextInput label={t('parties.national_id')} dir="ltr" description={t('parties.national_id_hint')} error={fieldMessage(errors.nationalId?.message, t)} data-testid="party-nationalId" {...form.register('nationalId', { onBlur: () => void checkDuplicate() })} />
          ) : (
            <>
              <TextInput label={t('parties.cr_number')} dir="ltr" error={fieldMessage(errors.crNumber?.message, t)} data-testid="party-crNumber" {...form.register('crNumber', { onBlur: () => void checkDuplicate() })} />
              <TextInput label={t('parties.vat_number')} dir="ltr" error={fieldMessage(errors.vatNumber?.message, t)} data-testid="party-vatNumber" {...form.register('vatNumber')} />
            </>
          )}
          <TextInput label={t('parties.employer')} error={fieldMessage(errors.employer?.message, t)} data-testid="party-employer" {...form.register('employer')} />
          <Controller
            control={form.control}
            name="phones"
            render={({ field, fieldState }) => (
              <TagsInput label={t('parties.phones')} description={t('parties.list_hint')} dir="ltr" value={field.value ?? []} onChange={field.onChange} error={fieldMessage(arrayError(fieldState.error ?? errors.phones), t)} data-testid="party-phones" />
            )}
          />
          <Controller
            control={form.control}
            name="emails"
            render={({ field, fieldState }) => (
              <TagsInput label={t('parties.emails')} description={t('parties.list_hint')} dir="ltr" value={field.value ?? []} onChange={field.onChange} error={fieldMessage(arrayError(fieldState.error ?? errors.emails), t)} data-testid="party-emails" />
            )}
          />
        </SimpleGrid>
        <Fieldset legend={t('parties.address')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {ADDRESS.map((k) => (
              <TextInput key={k} label={t(`parties.address_${k}`)} error={fieldMessage(errors.address?.[k]?.message, t)} data-testid={`party-address-${k}`} {...form.register(`address.${k}`)} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Textarea label={t('parties.notes')} autosize minRows={2} error={fieldMessage(errors.notes?.message, t)} {...form.register('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="party-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
