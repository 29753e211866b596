// "New letter" on a case: kind, language, deadline (and an agreement's figures); Preview shows the real PDF, Generate numbers it.
import { Alert, Button, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconEye, IconFileCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { letterInputsSchema, templateKindSchema, type LetterPreview, type LetterRow, type TemplateKind } from '../../../electron/contract/procedures/letters';
import { langSchema, type Lang } from '../../../electron/contract/schemas';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { fieldMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { areaKeys } from '../cases/api';
import { CASE_LETTER_KINDS, defaultDeadlineDays, letterKeys } from './api';
import { LetterError, MissingFields } from './LetterBits';

const letterForm = z
  .object({
    kind: templateKindSchema,
    lang: langSchema,
    deadlineDays: z.number('validation.required').int('validation.invalid').min(1, 'validation.min').max(365, 'validation.max').nullable(),
    inputs: letterInputsSchema,
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: string[]): void => {
      if (!ok) ctx.addIssue({ code: 'custom', path, message: 'validation.required' });
    };
    if (v.kind === 'settlement_agreement') {
      need(v.inputs.settlementAmountMinor !== null, ['inputs', 'settlementAmountMinor']);
      need(v.inputs.settlementDeadline !== null, ['inputs', 'settlementDeadline']);
    }
    if (v.kind === 'instalment_agreement') {
      need(v.inputs.planCount !== null, ['inputs', 'planCount']);
      need(v.inputs.planFrequency !== null, ['inputs', 'planFrequency']);
      need(v.inputs.planFirstDate !== null, ['inputs', 'planFirstDate']);
    }
  });
type FormIn = z.input<typeof letterForm>;
type FormOut = z.output<typeof letterForm>;

const FORM_FIELDS = [
  'deadlineDays',
  'inputs.settlementAmountMinor',
  'inputs.settlementDeadline',
  'inputs.planCount',
  'inputs.planFrequency',
  'inputs.planFirstDate',
] as const;

const EMPTY_INPUTS = { settlementAmountMinor: null, settlementDeadline: null, planCount: null, planFrequency: null, planFirstDate: null };

export interface NewLetterDialogProps {
  detail: CaseDetail;
  officeLang: Lang;
  onClose: () => void;
  onOpenLetter: (letter: LetterRow) => void;
}

export function NewLetterDialog({ detail, officeLang, onClose, onOpenLetter }: NewLetterDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [created, setCreated] = useState<LetterRow | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(letterForm),
    defaultValues: { kind: 'reminder', lang: officeLang, deadlineDays: defaultDeadlineDays('reminder'), inputs: EMPTY_INPUTS },
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const currency = isCurrencyCode(detail.currency) ? detail.currency : 'SAR';

  const previewCall = useMutation({
    mutationFn: (v: FormOut) => call('templates.preview', { kind: v.kind, lang: v.lang, caseId: detail.id, body: null, inputs: v.inputs }),
    onMutate: () => setPreview(null),
    onSuccess: setPreview,
  });
  const generate = useMutation({
    mutationFn: (v: FormOut) => call('letters.generate', { caseId: detail.id, ...v }),
    onSuccess: async (letter) => {
      setCreated(letter);
      await queryClient.invalidateQueries({ queryKey: letterKeys.letters });
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
    },
    onError: (e) => {
      applyFieldIssues(e, form.setError, FORM_FIELDS);
    },
  });

  const onKind = (next: TemplateKind): void => {
    form.setValue('kind', next);
    form.setValue('deadlineDays', defaultDeadlineDays(next));
    form.clearErrors();
    setPreview(null);
  };
  const failure = previewCall.error ?? generate.error;

  if (created) {
    return (
      <Modal opened onClose={onClose} title={t('letters.new')} size="md">
        <Stack gap="md" data-testid="letter-created">
          <Alert color="teal" icon={<IconFileCheck />}>
            <Text>{t('letters.created')}</Text>
            <Title order={3} className="nowrap-ltr" data-testid="letter-created-number">
              {created.number}
            </Title>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="letter-created-close">
              {t('common.close')}
            </Button>
            <Button onClick={() => onOpenLetter(created)} data-testid="letter-created-open">
              {t('letters.open_pdf')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('letters.new')} size={preview ? 'xl' : 'lg'}>
      <form
        noValidate
        data-testid="letter-form"
        onSubmit={(e) => void form.handleSubmit((v) => generate.mutate(v))(e)}
      >
        <Stack gap="sm">
          {failure ? <LetterError error={failure} testId="letter-error" /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('letters.kind')}
              data={CASE_LETTER_KINDS.map((k) => ({ value: k, label: t(`templates.kinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              onChange={(v) => {
                const next = CASE_LETTER_KINDS.find((k) => k === v);
                if (next) onKind(next);
              }}
              data-testid="letter-kind"
            />
            <Controller
              control={form.control}
              name="lang"
              render={({ field }) => (
                <Select
                  label={t('letters.lang')}
                  data={[
                    { value: 'ar', label: t('common.lang_ar') },
                    { value: 'en', label: t('common.lang_en') },
                  ]}
                  value={field.value}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(v) => {
                    field.onChange(v === 'en' ? 'en' : 'ar');
                    setPreview(null);
                  }}
                  data-testid="letter-lang"
                />
              )}
            />
            <Controller
              control={form.control}
              name="deadlineDays"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('letters.deadline_days')}
                  description={defaultDeadlineDays(kind) === null ? t('letters.no_deadline') : undefined}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  error={fieldMessage(fieldState.error?.message, t)}
                  data-testid="letter-deadline-days"
                />
              )}
            />
          </SimpleGrid>
          {kind === 'settlement_agreement' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={form.control}
                name="inputs.settlementAmountMinor"
                render={({ field }) => (
                  <AmountField
                    label={t('letters.settlement_amount')}
                    value={field.value}
                    currency={currency}
                    optional
                    withAsterisk
                    onChange={field.onChange}
                    error={fieldMessage(errors.inputs?.settlementAmountMinor?.message, t)}
                    testId="letter-settlement-amount"
                  />
                )}
              />
              <Controller
                control={form.control}
                name="inputs.settlementDeadline"
                render={({ field }) => (
                  <DateField
                    label={t('letters.settlement_deadline')}
                    value={field.value}
                    withAsterisk
                    onChange={field.onChange}
                    error={fieldMessage(errors.inputs?.settlementDeadline?.message, t)}
                    testId="letter-settlement-deadline"
                  />
                )}
              />
            </SimpleGrid>
          ) : null}
          {kind === 'instalment_agreement' ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Controller
                control={form.control}
                name="inputs.planCount"
                render={({ field }) => (
                  <NumberInput
                    label={t('letters.plan_count')}
                    min={1}
                    max={120}
                    allowDecimal={false}
                    withAsterisk
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                    error={fieldMessage(errors.inputs?.planCount?.message, t)}
                    data-testid="letter-plan-count"
                  />
                )}
              />
              <Controller
                control={form.control}
                name="inputs.planFrequency"
                render={({ field }) => (
                  <Select
                    label={t('letters.plan_frequency')}
                    data={[
                      { value: 'monthly', label: t('letters.frequency.monthly') },
                      { value: 'weekly', label: t('letters.frequency.weekly') },
                    ]}
                    value={field.value ?? null}
                    withAsterisk
                    comboboxProps={{ withinPortal: true }}
                    onChange={(v) => field.onChange(v === 'weekly' || v === 'monthly' ? v : null)}
                    error={fieldMessage(errors.inputs?.planFrequency?.message, t)}
                    data-testid="letter-plan-frequency"
                  />
                )}
              />
              <Controller
                control={form.control}
                name="inputs.planFirstDate"
                render={({ field }) => (
                  <DateField
                    label={t('letters.plan_first_date')}
                    value={field.value}
                    withAsterisk
                    onChange={field.onChange}
                    error={fieldMessage(errors.inputs?.planFirstDate?.message, t)}
                    testId="letter-plan-first-date"
                  />
                )}
              />
            </SimpleGrid>
          ) : null}
          {preview ? <PreviewPane preview={preview} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconEye size={16} />}
              loading={previewCall.isPending}
              onClick={() => void form.handleSubmit((v) => previewCall.mutate(v))()}
              data-testid="letter-preview"
            >
              {t('letters.preview')}
            </Button>
            <Button type="submit" loading={generate.isPending} data-testid="letter-generate">
              {t('letters.generate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PreviewPane({ preview }: { preview: LetterPreview }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="letter-preview-pane">
      {preview.missing.length > 0 ? (
        <Alert color="orange" title={t('letters.missing_title')} data-testid="letter-missing">
          <MissingFields fields={preview.missing} testId="letter-missing-fields" />
        </Alert>
      ) : null}
      {preview.problems.length > 0 ? (
        <Alert color="red" title={t('letters.problems_title')}>
          <List size="sm">
            {preview.problems.map((p) => (
              <List.Item key={`${p.code}-${p.line}-${p.column}`}>{t(`templates.problems.${p.code}`, { defaultValue: p.code })}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <PdfFrame base64={preview.pdfBase64} title={t('letters.preview')} height="60vh" />
    </Stack>
  );
}
