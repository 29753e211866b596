// The case form's fields (client, parties, instrument, amounts, assignees, tags, dates, court), bound to react-hook-form.
import { Button, Checkbox, Fieldset, Group, Modal, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseInput, caseInput } from '../../../electron/contract/procedures/cases';
import type { PartyRow } from '../../../electron/contract/procedures/parties';
import { INSTRUMENT_TYPES } from '../../../electron/domain/ladder';
import { CURRENCY_CODES, isCurrencyCode } from '../../../electron/domain/money';
import { useUsers } from '../../api/queries';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { fieldMessage } from '../../components/errorMessage';
import { PartyForm } from '../parties/PartyForm';
import { useClient, useClientList } from './api';
import { PartyPicker } from './PartyPicker';

type Form = UseFormReturn<CaseInput, unknown, z.output<typeof caseInput>>;
type DateKey = 'instrumentIssuedOn' | 'dueDate' | 'nextActionOn' | 'noticeDeliveredOn' | 'demandDeliveredOn';
type AmountKey = 'principalMinor' | 'costsMinor' | 'feesMinor' | 'lateChargesMinor';
type TextKey = 'clientReference' | 'instrumentNumber' | 'court' | 'circuit' | 'najizNumber' | 'judge';

export function CaseFormFields({ form, known }: { form: Form; known: PartyRow[] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const clients = useClientList('');
  const users = useUsers(true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<PartyRow[]>([]);
  const { errors } = form.formState;
  const currencyValue = form.watch('currency');
  const currency = currencyValue && isCurrencyCode(currencyValue) ? currencyValue : 'SAR';
  const instrument = form.watch('instrumentType');
  const clientId = form.watch('clientId');
  const client = useClient(clientId ?? 0);
  // Late charges only where the client's agreement allows them (the service refuses them otherwise); a case that has
  // them keeps the field so they can be cleared.
  const lateCharges = form.watch('lateChargesMinor');
  const showLateCharges = (clientId ? client.data?.lateChargesAllowed === true : false) || (lateCharges ?? 0) > 0;
  const knownParties = [...known, ...created];

  const clientOptions = (clients.data?.pages ?? []).flatMap((p) => p.rows).map((c) => ({
    value: String(c.id),
    label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.nameAr,
  }));
  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }));

  const text = (name: TextKey): React.JSX.Element => (
    <TextInput label={t(`case_fields.${name}`)} error={fieldMessage(errors[name]?.message, t)} data-testid={`case-${name}`} {...form.register(name)} />
  );
  const date = (name: DateKey): React.JSX.Element => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField label={t(`case_fields.${name}`)} value={field.value} onChange={field.onChange} error={fieldMessage(fieldState.error?.message, t)} testId={`case-${name}`} />
      )}
    />
  );
  const amount = (name: AmountKey, required = false): React.JSX.Element => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <AmountField
          label={t(`case_fields.${name}`)}
          withAsterisk={required}
          value={field.value}
          currency={currency}
          onChange={(v) => field.onChange(v ?? 0)}
          error={fieldMessage(fieldState.error?.message, t)}
          testId={`case-${name}`}
        />
      )}
    />
  );

  return (
    <>
      <Fieldset legend={t('cases.section_parties')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Controller
            control={form.control}
            name="clientId"
            render={({ field, fieldState }) => (
              <Select
                label={t('case_fields.clientId')}
                withAsterisk
                searchable
                data={clientOptions}
                value={field.value ? String(field.value) : null}
                onChange={(v) => field.onChange(v ? Number(v) : 0)}
                error={fieldState.error ? t('validation.client_required') : undefined}
                data-testid="case-clientId"
              />
            )}
          />
          {text('clientReference')}
          <Controller
            control={form.control}
            name="debtorIds"
            render={({ field, fieldState }) => (
              <PartyPicker label={t('case_fields.debtorIds')} withAsterisk value={field.value} onChange={field.onChange} known={knownParties} error={fieldMessage(fieldState.error?.message, t)} testId="case-debtorIds" />
            )}
          />
          <Controller
            control={form.control}
            name="guarantorIds"
            render={({ field, fieldState }) => (
              <PartyPicker label={t('case_fields.guarantorIds')} value={field.value ?? []} onChange={field.onChange} known={knownParties} error={fieldMessage(fieldState.error?.message, t)} testId="case-guarantorIds" />
            )}
          />
        </SimpleGrid>
        <Group mt="xs">
          <Button variant="light" size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setCreating(true)} data-testid="case-new-debtor">
            {t('cases.new_debtor_inline')}
          </Button>
        </Group>
      </Fieldset>

      <Fieldset legend={t('cases.section_claim')}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Controller
            control={form.control}
            name="instrumentType"
            render={({ field }) => (
              <Select label={t('case_fields.instrumentType')} withAsterisk allowDeselect={false} data={INSTRUMENT_TYPES.map((i) => ({ value: i, label: t(`instruments.${i}`) }))} value={field.value} onChange={(v) => field.onChange(INSTRUMENT_TYPES.find((i) => i === v) ?? 'invoice')} data-testid="case-instrumentType" />
            )}
          />
          {text('instrumentNumber')}
          {date('instrumentIssuedOn')}
          {instrument === 'promissory_note' ? (
            <Controller
              control={form.control}
              name="noteRegistered"
              render={({ field }) => (
                <Checkbox mt="lg" label={t('case_fields.noteRegistered')} checked={field.value === true} onChange={(e) => field.onChange(e.currentTarget.checked)} data-testid="case-noteRegistered" />
              )}
            />
          ) : null}
          <Controller
            control={form.control}
            name="currency"
            render={({ field }) => (
              <Select label={t('case_fields.currency')} allowDeselect={false} data={CURRENCY_CODES.map((c) => ({ value: c, label: `${c} — ${t(`currencies.${c}`)}` }))} value={field.value ?? 'SAR'} onChange={(v) => field.onChange(v ?? 'SAR')} data-testid="case-currency" />
            )}
          />
          {amount('principalMinor', true)}
          {amount('costsMinor')}
          {amount('feesMinor')}
          {showLateCharges ? amount('lateChargesMinor') : null}
          {date('dueDate')}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.section_work')}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {(['lawyerId', 'paralegalId'] as const).map((name) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <Select label={t(`case_fields.${name}`)} clearable searchable data={userOptions} value={field.value ?? null} onChange={(v) => field.onChange(v)} data-testid={`case-${name}`} />
              )}
            />
          ))}
          <Controller
            control={form.control}
            name="tags"
            render={({ field, fieldState }) => (
              <TagsInput label={t('case_fields.tags')} value={field.value ?? []} onChange={field.onChange} error={fieldMessage(fieldState.error?.message, t)} data-testid="case-tags" />
            )}
          />
          {date('nextActionOn')}
          {date('noticeDeliveredOn')}
          {date('demandDeliveredOn')}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.court_title')}>
        <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
          {text('court')}
          {text('circuit')}
          {text('najizNumber')}
          {text('judge')}
        </SimpleGrid>
        <Checkbox mt="sm" label={t('case_fields.hasJudgment')} data-testid="case-hasJudgment" {...form.register('hasJudgment')} />
      </Fieldset>

      <Textarea label={t('case_fields.notes')} autosize minRows={2} error={fieldMessage(errors.notes?.message, t)} data-testid="case-notes" {...form.register('notes')} />

      <Modal opened={creating} onClose={() => setCreating(false)} title={t('cases.new_debtor_inline')} size="xl">
        <PartyForm
          onCancel={() => setCreating(false)}
          onSaved={(p) => {
            const row: PartyRow = { id: p.id, kind: p.kind, name: p.name, nationalId: p.nationalId, crNumber: p.crNumber, phone: p.phones[0] ?? '', city: p.address.city, caseCount: 0 };
            setCreated((prev) => [...prev, row]);
            form.setValue('debtorIds', [...form.getValues('debtorIds'), p.id], { shouldValidate: true });
            setCreating(false);
          }}
        />
      </Modal>
    </>
  );
}
