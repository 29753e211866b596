// New hearing (a weekend or holiday date is refused until a reason is given) and recording a hearing's result — with a next date, the next hearing and its preparation task are shown once created.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_PREP_DAYS,
  HEARING_RESULTS,
  HEARING_TYPES,
  type HearingResult,
  type HearingResultOut,
  type HearingRow,
  type HearingType,
} from '../../../electron/contract/procedures/calendar';
import { isIsoDate } from '../../../electron/domain/dates';
import { call, isApiCallError } from '../../api/client';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useRefreshWork } from './api';

/** The core refused a weekend or holiday date: which field, so the form can ask for the reason there. */
function nonWorkingField(e: unknown): string | null {
  if (!isApiCallError(e) || e.code !== 'hearings.non_working_day') return null;
  const d = e.details;
  return typeof d === 'object' && d !== null && 'field' in d && typeof d.field === 'string' ? d.field : null;
}

function nonWorkingWhy(e: unknown): string {
  const d = isApiCallError(e) ? e.details : null;
  return typeof d === 'object' && d !== null && 'why' in d && d.why === 'holiday' ? 'holiday' : 'weekend';
}

export function NewHearingDialog({ caseId, court, circuit, onClose }: { caseId: number; court: string; circuit: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const refresh = useRefreshWork();
  const [onDate, setOnDate] = useState('');
  const [atTime, setAtTime] = useState('');
  const [type, setType] = useState<HearingType>('session');
  const [courtText, setCourt] = useState(court);
  const [circuitText, setCircuit] = useState(circuit);
  const [reason, setReason] = useState('');
  const [askReason, setAskReason] = useState(false);
  const save = useMutation({
    mutationFn: () => call('hearings.create', { caseId, onDate, atTime: atTime || null, type, court: courtText, circuit: circuitText, nonWorkingReason: reason }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (e) => {
      if (nonWorkingField(e)) setAskReason(true);
    },
  });
  const refusedDay = nonWorkingField(save.error) !== null;
  return (
    <Modal opened onClose={onClose} title={t('hearings.new_title')}>
      <Stack gap="sm" data-testid="hearing-form">
        {save.error ? (
          <Alert color={refusedDay ? 'orange' : 'red'} data-testid="hearing-form-error">
            {refusedDay ? t(`hearings.non_working.${nonWorkingWhy(save.error)}`) : errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <DateField label={t('hearings.date')} value={onDate} onChange={setOnDate} testId="hearing-date" withAsterisk />
          <TextInput label={t('hearings.time')} placeholder={t('tasks.time_hint')} value={atTime} onChange={(e) => setAtTime(e.currentTarget.value)} dir="ltr" data-testid="hearing-time" />
        </Group>
        <Select
          label={t('hearings.type_label')}
          data={HEARING_TYPES.map((v) => ({ value: v, label: t(`hearings.type.${v}`) }))}
          value={type}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setType(HEARING_TYPES.find((x) => x === v) ?? 'session')}
          data-testid="hearing-type"
        />
        <TextInput label={t('hearings.court')} value={courtText} onChange={(e) => setCourt(e.currentTarget.value)} maxLength={120} data-testid="hearing-court" />
        <TextInput label={t('hearings.circuit')} value={circuitText} onChange={(e) => setCircuit(e.currentTarget.value)} maxLength={60} data-testid="hearing-circuit" />
        {askReason ? (
          <TextInput label={t('hearings.non_working_reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk maxLength={300} data-testid="hearing-reason" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!isIsoDate(onDate) || (askReason && reason.trim() === '')} data-testid="hearing-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RecordResultDialog({ hearing, onClose, onStale }: { hearing: HearingRow; onClose: () => void; onStale: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshWork();
  const [result, setResult] = useState<HearingResult>('adjourned');
  const [notes, setNotes] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [nextTime, setNextTime] = useState('');
  const [judgmentOn, setJudgmentOn] = useState(hearing.onDate);
  const [prepDays, setPrepDays] = useState<number>(DEFAULT_PREP_DAYS);
  const [reason, setReason] = useState('');
  const [askReason, setAskReason] = useState(false);
  const [done, setDone] = useState<HearingResultOut | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call('hearings.recordResult', {
        id: hearing.id,
        version: hearing.version,
        result,
        notes,
        nextDate: nextDate || null,
        nextTime: nextTime || null,
        nextNonWorkingReason: reason,
        judgmentOn: result === 'judgment' ? judgmentOn : null,
        prepDays,
      }),
    onSuccess: async (out) => {
      await refresh();
      if (out.next) setDone(out);
      else onClose();
    },
    onError: (e) => {
      if (nonWorkingField(e)) setAskReason(true);
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        onClose();
        onStale();
      }
    },
  });
  const refusedDay = nonWorkingField(save.error) !== null;
  const ready = (nextDate === '' || isIsoDate(nextDate)) && (result !== 'judgment' || isIsoDate(judgmentOn)) && (!askReason || reason.trim() !== '');

  if (done?.next) {
    return (
      <Modal opened onClose={onClose} title={t('hearings.recorded_title')}>
        <Stack gap="sm" data-testid="hearing-recorded">
          <Alert color="teal">{t('hearings.recorded_next')}</Alert>
          <Text size="sm" data-testid="recorded-next-hearing">
            {t('hearings.next_hearing_on', { date: fmt.dual(done.next.onDate), time: done.next.atTime ?? '' })}
          </Text>
          {done.task ? (
            <Text size="sm" data-testid="recorded-prep-task">
              {t('hearings.prep_task_for', { title: done.task.title, who: done.task.assigneeName, date: fmt.dual(done.task.dueOn) })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="hearing-recorded-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('hearings.result_title', { date: fmt.gregorian(hearing.onDate) })}>
      <Stack gap="sm" data-testid="result-form">
        {save.error ? (
          <Alert color={refusedDay ? 'orange' : 'red'} data-testid="result-form-error">
            {refusedDay ? t(`hearings.non_working.${nonWorkingWhy(save.error)}`) : errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <Select
          label={t('hearings.result_label')}
          data={HEARING_RESULTS.map((v) => ({ value: v, label: t(`hearings.result.${v}`) }))}
          value={result}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setResult(HEARING_RESULTS.find((x) => x === v) ?? 'adjourned')}
          data-testid="result-kind"
        />
        {result === 'judgment' ? <DateField label={t('hearings.judgment_on')} value={judgmentOn} onChange={setJudgmentOn} testId="result-judgment-on" withAsterisk /> : null}
        <Textarea label={t('hearings.result_notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="result-notes" />
        <Group grow align="flex-start">
          <DateField label={t('hearings.next_date')} value={nextDate} onChange={setNextDate} testId="result-next-date" />
          <TextInput label={t('hearings.next_time')} placeholder={t('tasks.time_hint')} value={nextTime} onChange={(e) => setNextTime(e.currentTarget.value)} dir="ltr" data-testid="result-next-time" />
        </Group>
        {nextDate ? (
          <NumberInput
            label={t('hearings.prep_days')}
            description={t('hearings.prep_days_hint')}
            value={prepDays}
            min={0}
            max={30}
            allowDecimal={false}
            onChange={(v) => setPrepDays(typeof v === 'number' ? v : DEFAULT_PREP_DAYS)}
            data-testid="result-prep-days"
          />
        ) : null}
        {askReason ? (
          <TextInput label={t('hearings.non_working_reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk maxLength={300} data-testid="result-reason" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!ready} data-testid="result-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
