// Agree an instalment plan, or renegotiate the current one: total (the balance to start with), count, frequency, first
// date and where the remainder goes, with the schedule previewed live and its problems shown on the fields.
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlans, PlanRow } from '../../../electron/contract/procedures/plans';
import { addDays, isIsoDate, todayIso } from '../../../electron/domain/dates';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call, fieldIssues } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { usePlanPreview } from './api';

type Frequency = 'weekly' | 'monthly';
type Remainder = 'first' | 'last';

export function PlanModal({
  caseId,
  plans,
  renegotiating,
  onClose,
  onSaved,
}: {
  caseId: number;
  plans: CasePlans;
  /** The plan being renegotiated; null for a new plan. */
  renegotiating: PlanRow | null;
  onClose: () => void;
  onSaved: (plan: PlanRow) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const currency = isCurrencyCode(plans.currency) ? plans.currency : 'SAR';
  const [totalMinor, setTotal] = useState<number | null>(plans.balanceMinor);
  const [count, setCount] = useState<number | ''>(renegotiating ? renegotiating.count : 6);
  const [frequency, setFrequency] = useState<Frequency>(renegotiating?.frequency ?? 'monthly');
  const [firstDate, setFirstDate] = useState(addDays(todayIso(), 7));
  const [remainderOn, setRemainder] = useState<Remainder>(plans.remainderOn);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saveIssues, setSaveIssues] = useState<Record<string, string>>({});

  const terms = { caseId, totalMinor: totalMinor !== null && Number.isSafeInteger(totalMinor) ? totalMinor : null, count: count === '' ? 0 : count, frequency, firstDate, remainderOn };
  const ready = totalMinor !== null && Number.isSafeInteger(totalMinor) && count !== '' && isIsoDate(firstDate);
  const preview = usePlanPreview(terms, ready);
  // An amount that is not a number is said on its field, never sent (the server would take the balance instead).
  const localIssues: Record<string, string> = {
    ...(totalMinor === null || !Number.isSafeInteger(totalMinor) ? { totalMinor: t('validation.amount') } : {}),
    ...(count === '' ? { count: t('validation.plan_count') } : {}),
  };
  const previewIssues: Record<string, string> = {
    ...Object.fromEntries((ready ? (preview.data?.problems ?? []) : []).map((p) => [p.path, t(p.message)])),
    ...localIssues,
  };
  const issues = { ...previewIssues, ...saveIssues };
  const schedule = ready && preview.data && preview.data.problems.length === 0 ? preview.data.schedule : [];
  const sum = schedule.reduce((s, i) => s + i.amountMinor, 0);

  const save = useMutation({
    mutationFn: () => {
      const body = { currency, totalMinor: terms.totalMinor, count: terms.count, frequency, firstDate, remainderOn };
      return renegotiating
        ? call('plans.renegotiate', { planId: renegotiating.id, version: renegotiating.version, reason, ...body })
        : call('plans.create', { caseId, ...body });
    },
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onSaved(plan);
    },
    onError: (e) => {
      const fields = fieldIssues(e);
      setSaveIssues(Object.fromEntries(fields.map((f) => [f.path, t(f.message)])));
      setFailure(fields.length > 0 ? null : errorMessage(e, t));
    },
  });
  const edited = (field: string): void => setSaveIssues(({ [field]: _, ...rest }) => rest);

  return (
    <Modal opened onClose={onClose} title={renegotiating ? t('plans.renegotiate_title') : t('plans.new_title')} size="lg">
      <Stack gap="sm" data-testid="plan-dialog">
        {failure ? (
          <Alert color="red" data-testid="plan-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('plans.balance_now', { balance: money(plans.balanceMinor, plans.currency) })}
        </Text>
        {renegotiating ? (
          <Textarea
            label={t('plans.reason')}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              edited('reason');
            }}
            error={issues['reason']}
            data-testid="plan-reason"
          />
        ) : null}
        <SimpleGrid cols={2}>
          <AmountField
            label={t('plans.total')}
            value={totalMinor}
            currency={currency}
            onChange={(v) => {
              setTotal(v);
              edited('totalMinor');
            }}
            error={issues['totalMinor']}
            testId="plan-total"
            withAsterisk
          />
          <NumberInput
            label={t('plans.count')}
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={count}
            onChange={(v) => {
              setCount(typeof v === 'number' ? v : v === '' ? '' : Number(v));
              edited('count');
            }}
            error={issues['count']}
            withAsterisk
            data-testid="plan-count"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('plans.frequency')}
            </Text>
            <SegmentedControl
              value={frequency}
              onChange={(v) => setFrequency(v === 'weekly' ? 'weekly' : 'monthly')}
              data={[
                { value: 'monthly', label: t('plans.frequencies.monthly') },
                { value: 'weekly', label: t('plans.frequencies.weekly') },
              ]}
              data-testid="plan-frequency"
            />
          </Stack>
          <DateField
            label={t('plans.first_date')}
            value={firstDate}
            onChange={(v) => {
              setFirstDate(v);
              edited('firstDate');
            }}
            error={issues['firstDate']}
            testId="plan-first-date"
            withAsterisk
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('plans.remainder')}
            </Text>
            <SegmentedControl
              value={remainderOn}
              onChange={(v) => setRemainder(v === 'first' ? 'first' : 'last')}
              data={[
                { value: 'last', label: t('plans.remainder_last') },
                { value: 'first', label: t('plans.remainder_first') },
              ]}
              data-testid="plan-remainder"
            />
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('plans.default_rule', { count: plans.defaultAfterMissed })}
        </Text>
        {schedule.length > 0 ? (
          <Table.ScrollContainer minWidth={360} maxHeight={260}>
            <Table striped verticalSpacing={4} data-testid="plan-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.n')}</Table.Th>
                  <Table.Th>{t('plans.due_on')}</Table.Th>
                  <Table.Th>{t('plans.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedule.map((i) => (
                  <Table.Tr key={i.n} data-testid={`plan-preview-row-${i.n}`}>
                    <Table.Td>{fmt.number(i.n)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{fmt.dual(i.dueOn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="nowrap-ltr">
                        {money(i.amountMinor, plans.currency)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('plans.preview_total')}</Table.Th>
                  <Table.Th className="nowrap-ltr" data-testid="plan-preview-total">
                    {money(sum, plans.currency)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={Object.keys(previewIssues).length > 0} data-testid="plan-save">
            {renegotiating ? t('plans.renegotiate_save') : t('plans.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
