// Record a letter's dispatch (printed, sent by a method, delivered with an optional proof, returned) and void a letter with a reason.
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPATCH_METHODS, type DispatchMethod, type LetterRow } from '../../../electron/contract/procedures/letters';
import { isIsoDate, todayIso } from '../../../electron/domain/dates';
import { call, isApiCallError } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { letterKeys } from './api';
import { LetterError } from './LetterBits';

const RECORDABLE = ['printed', 'sent', 'delivered', 'returned'] as const;
type Recordable = (typeof RECORDABLE)[number];

function nextState(letter: LetterRow): Recordable {
  switch (letter.dispatchState) {
    case 'generated':
      return 'printed';
    case 'printed':
      return 'sent';
    default:
      return 'delivered';
  }
}

interface DialogProps {
  letter: LetterRow;
  onClose: () => void;
  onStale: () => void;
}

export function DispatchDialog({ letter, onClose, onStale }: DialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Recordable>(nextState(letter));
  const [method, setMethod] = useState<DispatchMethod | null>(letter.dispatchMethod ?? 'registered_mail');
  const [on, setOn] = useState(todayIso());
  const [proof, setProof] = useState<string | null>(null);
  const documents = useQuery({
    queryKey: ['documents', 'list', { caseId: letter.caseId }],
    queryFn: () => call('documents.list', { owner: { caseId: letter.caseId }, includeRemoved: false }),
    enabled: state === 'delivered',
  });

  // The method is asked when the letter leaves: on "sent", or on "delivered" when no sending was recorded.
  const showMethod = state === 'sent' || (state === 'delivered' && letter.dispatchMethod === null);

  const save = useMutation({
    mutationFn: () =>
      call('letters.dispatch', {
        id: letter.id,
        version: letter.version,
        state,
        method: showMethod ? method : null,
        on,
        proofDocumentId: state === 'delivered' && proof ? Number(proof) : null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: letterKeys.letters });
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        onClose();
        onStale();
      }
    },
  });

  const proofOptions = (documents.data ?? []).map((d) => ({
    value: String(d.id),
    label: `${d.fileName}${d.documentDate ? ` — ${fmt.gregorian(d.documentDate)}` : ''}`,
  }));
  const dateOk = isIsoDate(on);

  return (
    <Modal opened onClose={onClose} title={t('letters.dispatch_title', { number: letter.number })}>
      <Stack gap="sm" data-testid="dispatch-dialog">
        {save.error && !(isApiCallError(save.error) && save.error.code === 'conflict.stale') ? (
          <LetterError error={save.error} testId="dispatch-error" />
        ) : null}
        <Select
          label={t('letters.dispatch_state')}
          data={RECORDABLE.map((s) => ({ value: s, label: t(`letters.states.${s}`) }))}
          value={state}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setState(RECORDABLE.find((s) => s === v) ?? state)}
          data-testid="dispatch-state"
        />
        {showMethod ? (
          <Select
            label={t('letters.method')}
            data={DISPATCH_METHODS.map((m) => ({ value: m, label: t(`letters.methods.${m}`) }))}
            value={method}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            onChange={(v) => setMethod(DISPATCH_METHODS.find((m) => m === v) ?? null)}
            data-testid="dispatch-method"
          />
        ) : null}
        <DateField label={t(`letters.on_${state}`)} value={on} onChange={setOn} testId="dispatch-on" withAsterisk />
        {state === 'delivered' ? (
          <Select
            label={t('letters.proof')}
            description={proofOptions.length === 0 && documents.isSuccess ? t('letters.proof_none') : t('letters.proof_hint')}
            data={proofOptions}
            value={proof}
            clearable
            comboboxProps={{ withinPortal: true }}
            onChange={setProof}
            disabled={proofOptions.length === 0}
            data-testid="dispatch-proof"
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!dateOk || (showMethod && method === null)}
            data-testid="dispatch-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function VoidDialog({ letter, onClose, onStale }: DialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: () => call('letters.void', { id: letter.id, version: letter.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: letterKeys.letters });
      notifications.show({ color: 'teal', message: t('letters.voided', { number: letter.number }) });
      onClose();
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        onClose();
        onStale();
      }
    },
  });
  const empty = reason.trim() === '';
  return (
    <Modal opened onClose={onClose} title={t('letters.void_title', { number: letter.number })}>
      <Stack gap="sm" data-testid="void-dialog">
        <Alert color="orange">
          <Text size="sm">{t('letters.void_explain')}</Text>
        </Alert>
        {save.error && !(isApiCallError(save.error) && save.error.code === 'conflict.stale') ? (
          <LetterError error={save.error} testId="void-error" />
        ) : null}
        <Textarea
          label={t('letters.void_reason')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          error={touched && empty ? t('validation.required') : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          data-testid="void-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={save.isPending}
            onClick={() => {
              setTouched(true);
              if (!empty) save.mutate();
            }}
            data-testid="void-submit"
          >
            {t('letters.void')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
