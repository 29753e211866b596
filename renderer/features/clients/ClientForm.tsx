// Client (creditor) form: company or person, identifiers, contacts, fee agreement (% as basis points), the order payments
// pay the claim and whether late charges are allowed, powers of attorney, rule pack, bank.
import { Alert, Button, Checkbox, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientInput, RULE_PACKS, type ClientDetail, type ClientInput } from '../../../electron/contract/procedures/parties';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { StaleDialog } from '../../components/StaleDialog';
import { areaKeys } from '../cases/api';
import { bpToPercent, CLIENT_FIELDS, clientToInput, EMPTY_CLIENT, percentToBp } from './clientValues';
import { ContactsFields, PoaFields } from './ClientFormLists';
import { AllocationOrderField } from './AllocationOrderField';
import { DEFAULT_ALLOCATION_ORDER } from '../../../electron/domain/allocation';

type TextKey = 'nameAr' | 'nameEn' | 'crNumber' | 'vatNumber' | 'nationalId' | 'phone' | 'email' | 'iban' | 'bankName' | 'address';
const LTR: ReadonlySet<TextKey> = new Set(['nameEn', 'crNumber', 'vatNumber', 'nationalId', 'phone', 'email', 'iban']);

export interface ClientFormProps {
  existing?: ClientDetail;
  onSaved: (c: ClientDetail) => void;
  onCancel: () => void;
}

export function ClientForm({ existing, onSaved, onCancel }: ClientFormProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const form = useForm<ClientInput, unknown, z.output<typeof clientInput>>({
    resolver: zodResolver(clientInput),
    defaultValues: existing ? clientToInput(existing) : EMPTY_CLIENT,
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const [percent, setPercent] = useState(bpToPercent(existing?.fee.percentBp));

  const onSubmit = form.handleSubmit(async (input) => {
    setFailure(null);
    try {
      const saved = existing
        ? await call('clients.update', { id: existing.id, version: existing.version, client: input })
        : await call('clients.create', input);
      await queryClient.invalidateQueries({ queryKey: areaKeys.clients });
      onSaved(saved);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'conflict.stale') setStale(true);
      else if (applyFieldIssues(e, form.setError, CLIENT_FIELDS) === 0) setFailure(errorMessage(e, t));
    }
  });

  const text = (name: TextKey, required = false): React.JSX.Element => (
    <TextInput
      label={t(`clients.${name}`)}
      withAsterisk={required}
      dir={LTR.has(name) ? 'ltr' : undefined}
      error={fieldMessage(errors[name]?.message, t)}
      data-testid={`client-${name}`}
      {...form.register(name)}
    />
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="client-form">
      <Stack gap="md">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <SegmentedControl
              value={field.value}
              onChange={(v) => field.onChange(v === 'person' ? 'person' : 'company')}
              data={[
                { value: 'company', label: t('parties.kind_company') },
                { value: 'person', label: t('parties.kind_person') },
              ]}
              data-testid="client-kind"
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {text('nameAr', true)}
          {text('nameEn')}
          {kind === 'company' ? text('crNumber', true) : text('nationalId', true)}
          {kind === 'company' ? text('vatNumber') : null}
          {text('phone')}
          {text('email')}
          {text('address')}
          <Controller
            control={form.control}
            name="rulePack"
            render={({ field }) => (
              <Select
                label={t('clients.rulePack')}
                allowDeselect={false}
                data={RULE_PACKS.map((r) => ({ value: r, label: t(`clients.rule_pack_${r}`) }))}
                value={field.value ?? 'none'}
                onChange={(v) => field.onChange(v === 'sama' ? 'sama' : 'none')}
                data-testid="client-rulePack"
              />
            )}
          />
        </SimpleGrid>
        <Fieldset legend={t('clients.fee')}>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <TextInput
              label={t('clients.fee_percent')}
              dir="ltr"
              rightSection="%"
              value={percent}
              inputMode="decimal"
              error={fieldMessage(errors.fee?.percentBp?.message, t)}
              data-testid="client-fee-percent"
              onChange={(e) => {
                setPercent(e.currentTarget.value);
                form.setValue('fee.percentBp', percentToBp(e.currentTarget.value));
              }}
            />
            {text('iban')}
            {text('bankName')}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('clients.money_rules')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Controller
              control={form.control}
              name="allocationOrder"
              render={({ field }) => (
                <AllocationOrderField value={field.value ?? DEFAULT_ALLOCATION_ORDER} onChange={field.onChange} error={fieldMessage(errors.allocationOrder?.message, t)} />
              )}
            />
            <Controller
              control={form.control}
              name="lateChargesAllowed"
              render={({ field }) => (
                <Checkbox
                  mt="xl"
                  label={t('clients.late_charges_allowed')}
                  checked={field.value ?? false}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  data-testid="client-late-charges-allowed"
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>
        <ContactsFields form={form} />
        <PoaFields form={form} />
        <Textarea label={t('clients.notes')} autosize minRows={2} error={fieldMessage(errors.notes?.message, t)} {...form.register('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="client-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <StaleDialog
        opened={stale}
        rows={[]}
        onClose={() => setStale(false)}
        onReload={() => {
          setStale(false);
          void queryClient.invalidateQueries({ queryKey: areaKeys.clients });
          onCancel();
        }}
      />
    </form>
  );
}
