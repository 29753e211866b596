// Quick entry for the communication log, keyboard-first: focus lands on the outcome, defaults are a call out to the
// first debtor now, Enter saves (Shift+Enter is a new line in the notes). Also the form of a correction.
import { Button, Group, MultiSelect, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CONTACT_CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type CommunicationRow,
  type LogEntryInput,
} from '../../../electron/contract/procedures/activity';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { amountMinorSchema, idSchema, isoDateSchema, optionalIsoDate, text } from '../../../electron/contract/fields';
import { timeOfDaySchema } from '../../../electron/contract/schemas';
import { localDateTime } from '../../../electron/domain/dates';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call, fieldIssues, isApiCallError } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { fieldMessage } from '../../components/errorMessage';
import { areaKeys } from '../cases/api';
import { useDocuments } from '../documents/api';
import { activityKeys, breachesOf } from './api';
import { BreachAlert } from './BreachAlert';
import { PromiseOffer } from './PromiseOffer';

const OTHER = 'other';

/** A name isolated (FSI … PDI) in option text, where <bdi> cannot go: an Arabic name beside "(debtor)" keeps its place. */
const isolate = (name: string): string => `\u2068${name}\u2069`;

const entryForm = z
  .object({
    channel: z.enum(CONTACT_CHANNELS),
    direction: z.enum(DIRECTIONS),
    date: isoDateSchema,
    time: timeOfDaySchema,
    party: z.string(),
    contactName: text(120),
    outcome: z.enum(OUTCOMES),
    notes: text(4000),
    followUpOn: optionalIsoDate,
    paidMinor: amountMinorSchema.nullable(),
    attachments: z.array(idSchema),
  })
  .superRefine((v, ctx) => {
    if (v.party === OTHER && v.contactName === '') ctx.addIssue({ code: 'custom', path: ['contactName'], message: 'validation.contact_required' });
    if (v.outcome === 'paid' && (v.paidMinor === null || v.paidMinor === 0)) ctx.addIssue({ code: 'custom', path: ['paidMinor'], message: 'validation.amount_positive' });
  });
type FormIn = z.input<typeof entryForm>;
type FormOut = z.output<typeof entryForm>;

function nowInRiyadh(): { date: string; time: string } {
  const l = localDateTime(new Date());
  return { date: l.date, time: `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}` };
}

function defaults(detail: CaseDetail, from: CommunicationRow | null): FormIn {
  if (from) {
    const l = localDateTime(from.occurredAt);
    return {
      channel: from.channel,
      direction: from.direction,
      date: l.date,
      time: `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`,
      party: from.partyId === null ? OTHER : String(from.partyId),
      contactName: from.contactName,
      outcome: OUTCOMES.find((o) => o === from.outcome) ?? 'no_answer',
      notes: from.notes,
      followUpOn: null,
      paidMinor: from.paidMinor,
      attachments: from.attachments.map((a) => a.id),
    };
  }
  const first = detail.debtors[0];
  return {
    channel: 'call',
    direction: 'out',
    ...nowInRiyadh(),
    party: first ? String(first.id) : OTHER,
    contactName: '',
    outcome: 'no_answer',
    notes: '',
    followUpOn: null,
    paidMinor: null,
    attachments: [],
  };
}

function toInput(v: FormOut): Omit<LogEntryInput, 'caseId'> {
  return {
    channel: v.channel,
    direction: v.direction,
    occurredAt: `${v.date}T${v.time}:00+03:00`,
    partyId: v.party === OTHER ? null : Number(v.party),
    contactName: v.party === OTHER ? v.contactName : '',
    outcome: v.outcome,
    notes: v.notes,
    followUpOn: v.followUpOn,
    paidMinor: v.outcome === 'paid' ? v.paidMinor : null,
    attachments: v.attachments,
  };
}

const FIELD_OF: Record<string, keyof FormIn> = {
  occurredAt: 'time',
  partyId: 'party',
  contactName: 'contactName',
  paidMinor: 'paidMinor',
  followUpOn: 'followUpOn',
  notes: 'notes',
};

export interface LogEntryFormProps {
  detail: CaseDetail;
  canOverride: boolean;
  /** The entry being corrected (the form starts from what it says). */
  correcting?: CommunicationRow | null;
  onSaved?: (row: CommunicationRow) => void;
  onCancel?: () => void;
}

export function LogEntryForm({ detail, canOverride, correcting = null, onSaved, onCancel }: LogEntryFormProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [overrideReason, setOverrideReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(entryForm), defaultValues: defaults(detail, correcting) });
  const { errors } = form.formState;
  const party = form.watch('party');
  const outcome = form.watch('outcome');
  const currency = isCurrencyCode(detail.currency) ? detail.currency : 'SAR';
  const documents = useDocuments({ caseId: detail.id }, false);
  const outcomeRef = useRef<HTMLSelectElement | null>(null);
  const outcomeField = form.register('outcome');
  // After a save the focus goes back to the outcome, ready for the next call.
  const [saves, setSaves] = useState(0);
  // A call that ended in a promise offers to record the promise before the form is ready again.
  const [promiseFrom, setPromiseFrom] = useState<CommunicationRow | null>(null);
  useEffect(() => {
    if (saves > 0) outcomeRef.current?.focus();
  }, [saves]);

  const save = useMutation({
    mutationFn: ({ v, override }: { v: FormOut; override: boolean }) => {
      const input = { ...toInput(v), override, overrideReason: override ? overrideReason : '' };
      return correcting ? call('activity.correct', { ...input, id: correcting.id }) : call('activity.log', { ...input, caseId: detail.id });
    },
    onSuccess: async (row) => {
      setOverrideReason('');
      setReasonError(undefined);
      if (!correcting) form.reset(defaults(detail, null));
      await queryClient.invalidateQueries({ queryKey: activityKeys.all });
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      if (row.outcome === 'promised' && !correcting) {
        setPromiseFrom(row);
        return;
      }
      setSaves((n) => n + 1);
      onSaved?.(row);
    },
    onError: (e) => {
      let placed = 0;
      for (const issue of fieldIssues(e)) {
        const field = FIELD_OF[issue.path];
        if (field) form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: placed++ === 0 });
      }
      if (isApiCallError(e) && e.code === 'rules.override_reason') setReasonError(t('errors.rules.override_reason'));
    },
  });
  const breaches = breachesOf(save.error);
  const otherError = save.error && breaches.length === 0 && fieldIssues(save.error).length === 0 ? save.error : null;

  const submit = (override: boolean): void => {
    save.reset();
    void form.handleSubmit((v) => save.mutate({ v, override }))();
  };

  if (promiseFrom) {
    return (
      <PromiseOffer
        detail={detail}
        entry={promiseFrom}
        onDone={() => {
          setPromiseFrom(null);
          setSaves((n) => n + 1);
          onSaved?.(promiseFrom);
        }}
      />
    );
  }

  return (
    <form
      noValidate
      data-testid="log-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      onKeyDown={(e) => {
        // Enter saves from any field (selects included); Shift+Enter keeps its new line in the notes.
        const target = e.target as HTMLElement;
        if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || target.tagName === 'BUTTON') return;
        if (target.getAttribute('aria-haspopup') === 'listbox') return; // a picker choosing its option
        e.preventDefault();
        submit(target.dataset.overrideReason !== undefined);
      }}
    >
      <Stack gap="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Controller
            control={form.control}
            name="channel"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('activity.fields.channel')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={field.value}
                  onChange={(v) => field.onChange(CONTACT_CHANNELS.find((c) => c === v) ?? 'call')}
                  data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`activity.channel.${c}`) }))}
                  data-testid="log-channel"
                />
              </Stack>
            )}
          />
          <Controller
            control={form.control}
            name="direction"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('activity.fields.direction')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={field.value}
                  onChange={(v) => field.onChange(v === 'in' ? 'in' : 'out')}
                  data={DIRECTIONS.map((d) => ({ value: d, label: t(`activity.direction.${d}`) }))}
                  data-testid="log-direction"
                />
              </Stack>
            )}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NativeSelect
            label={t('activity.fields.outcome')}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`activity.outcome.${o}`) }))}
            {...outcomeField}
            ref={(el) => {
              outcomeField.ref(el);
              outcomeRef.current = el;
            }}
            // Focus lands here: the one thing a paralegal always chooses.
            autoFocus
            data-autofocus
            data-testid="log-outcome"
          />
          <NativeSelect
            label={t('activity.fields.party')}
            data={[
              ...detail.debtors.map((d) => ({ value: String(d.id), label: `${isolate(d.name)} (${t('activity.role.debtor')})` })),
              ...detail.guarantors.map((g) => ({ value: String(g.id), label: `${isolate(g.name)} (${t('activity.role.guarantor')})` })),
              { value: OTHER, label: t('activity.fields.other_person') },
            ]}
            {...form.register('party')}
            error={fieldMessage(errors.party?.message, t)}
            data-testid="log-party"
          />
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateField label={t('activity.fields.date')} value={field.value} onChange={field.onChange} error={fieldMessage(errors.date?.message, t)} testId="log-date" />
            )}
          />
          <TextInput
            label={t('activity.fields.time')}
            dir="ltr"
            placeholder={t('activity.fields.time_placeholder')}
            {...form.register('time')}
            error={fieldMessage(errors.time?.message, t)}
            data-testid="log-time"
            autoComplete="off"
          />
        </SimpleGrid>
        {party === OTHER ? (
          <TextInput
            label={t('activity.fields.contact_name')}
            {...form.register('contactName')}
            error={fieldMessage(errors.contactName?.message, t)}
            data-testid="log-contact-name"
          />
        ) : null}
        <Textarea
          label={t('activity.fields.notes')}
          description={t('activity.fields.notes_hint')}
          autosize
          minRows={1}
          maxRows={6}
          {...form.register('notes')}
          error={fieldMessage(errors.notes?.message, t)}
          data-testid="log-notes"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={form.control}
            name="followUpOn"
            render={({ field }) => (
              <DateField
                label={t('activity.fields.follow_up')}
                value={field.value}
                onChange={(v) => field.onChange(v === '' ? null : v)}
                error={fieldMessage(errors.followUpOn?.message, t)}
                testId="log-follow-up"
              />
            )}
          />
          {outcome === 'paid' ? (
            <Controller
              control={form.control}
              name="paidMinor"
              render={({ field }) => (
                <AmountField
                  label={t('activity.fields.paid')}
                  value={field.value}
                  currency={currency}
                  optional
                  onChange={field.onChange}
                  error={fieldMessage(errors.paidMinor?.message, t)}
                  testId="log-paid"
                />
              )}
            />
          ) : null}
          {documents.data && documents.data.length > 0 ? (
            <Controller
              control={form.control}
              name="attachments"
              render={({ field }) => (
                <MultiSelect
                  label={t('activity.fields.attachments')}
                  data={documents.data.map((d) => ({ value: String(d.id), label: d.fileName }))}
                  value={field.value.map(String)}
                  onChange={(v) => field.onChange(v.map(Number))}
                  searchable
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  data-testid="log-attachments"
                />
              )}
            />
          ) : null}
        </SimpleGrid>
        {otherError ? <BreachAlert error={otherError} breaches={[]} /> : null}
        {breaches.length > 0 ? (
          <BreachAlert
            error={save.error}
            breaches={breaches}
            canOverride={canOverride}
            reason={overrideReason}
            reasonError={reasonError}
            onReason={(r) => {
              setOverrideReason(r);
              setReasonError(undefined);
            }}
            onOverride={() => submit(true)}
            busy={save.isPending}
          />
        ) : null}
        <Group justify="flex-end" gap="xs">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} data-testid="log-cancel">
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending} data-testid="log-save">
            {correcting ? t('activity.save_correction') : t('activity.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
