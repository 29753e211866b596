// The case's settlement (صلح / تسوية): the agreed amount and deadline, what it waives (per component), what has been paid
// toward it and what remains; agree one, print the agreement, break it (the full claim is owed again); earlier ones below.
import { Alert, Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandStop, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CaseBalanceRow, ComponentMinor } from '../../../electron/contract/procedures/payments';
import type { SettlementRow, SettlementState } from '../../../electron/contract/procedures/settlements';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call, fieldIssues } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { LetterPdfModal } from '../letters/LetterPdfModal';
import { useCaseSettlements } from './api';

const COMPONENTS: (keyof ComponentMinor)[] = ['costs', 'fees', 'principal', 'lateCharges'];
const STATE_COLORS: Record<SettlementState, string> = { open: 'blue', paid: 'teal', broken: 'red' };

function StateBadge({ state, testId }: { state: SettlementState; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }} data-testid={testId} data-state={state}>
      {t(`settlements.states.${state}`)}
    </Badge>
  );
}

export function SettlementPanel({ detail, canWrite, canPrint }: { detail: CaseDetail; canWrite: boolean; canPrint: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const list = useCaseSettlements(detail.id);
  const [agreeing, setAgreeing] = useState(false);
  const [breaking, setBreaking] = useState<SettlementRow | null>(null);
  const [letter, setLetter] = useState<{ id: number; number: string } | null>(null);
  const print = useMutation({
    mutationFn: (s: SettlementRow) =>
      call('letters.generate', {
        caseId: detail.id,
        kind: 'settlement_agreement',
        lang: fmt.opts.lang,
        inputs: { settlementAmountMinor: s.amountMinor, settlementDeadline: s.deadline },
      }),
    onSuccess: (l) => setLetter({ id: l.id, number: l.number }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });

  if (list.isPending) return <Loader />;
  if (list.isError) return <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  const data = list.data;
  const current = data.rows.find((s) => s.state !== 'broken') ?? null;
  const earlier = data.rows.filter((s) => s !== current);
  const writable = canWrite && !data.closed;

  return (
    <Card withBorder data-testid="settlement-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('settlements.title')}</Title>
            {current ? <StateBadge state={current.state} testId="settlement-state" /> : null}
          </Group>
          <Group gap="xs">
            {current && canPrint ? (
              <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={print.isPending} onClick={() => print.mutate(current)} data-testid="settlement-print">
                {t('settlements.print')}
              </Button>
            ) : null}
            {current?.state === 'open' && canWrite ? (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconHandStop size={14} />} onClick={() => setBreaking(current)} data-testid="settlement-break">
                {t('settlements.break')}
              </Button>
            ) : null}
            {!current && writable ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAgreeing(true)} disabled={data.balance.balanceMinor <= 1} data-testid="settlement-new">
                {t('settlements.new')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {current ? <CurrentSettlement s={current} /> : <Text size="sm">{t('settlements.none')}</Text>}
        {earlier.length > 0 ? (
          <Stack gap={4} data-testid="settlement-history">
            <Text fw={600} size="sm">
              {t('settlements.history')}
            </Text>
            {earlier.map((s) => (
              <Group key={s.id} gap="xs" wrap="nowrap" align="flex-start" data-testid={`settlement-history-${s.id}`}>
                <StateBadge state={s.state} />
                <Text size="sm">
                  {t('settlements.summary', { amount: money(s.amountMinor, s.currency), date: fmt.gregorian(s.agreedOn) })}
                  {s.state === 'broken' ? ` — ${t('settlements.broken_on', { date: s.endedOn ? fmt.gregorian(s.endedOn) : '', reason: s.brokenReason })}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
      {agreeing ? <AgreeModal caseId={detail.id} balance={data.balance} onClose={() => setAgreeing(false)} /> : null}
      {breaking ? <BreakModal settlement={breaking} onClose={() => setBreaking(null)} /> : null}
      {letter ? <LetterPdfModal letterId={letter.id} title={t('settlements.agreement_title', { number: letter.number })} onClose={() => setLetter(null)} /> : null}
    </Card>
  );
}

function CurrentSettlement({ s }: { s: SettlementRow }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const m = (minor: number) => money(minor, s.currency);
  return (
    <Stack gap="xs" data-testid="settlement-current">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t('settlements.amount')} value={m(s.amountMinor)} testId="settlement-amount" />
        <Fact label={t('settlements.balance_at')} value={m(s.balanceAtAgreementMinor)} testId="settlement-balance-at" />
        <Fact label={t('settlements.discount')} value={m(s.discountMinor)} testId="settlement-discount" />
        <Fact label={t('settlements.deadline')} value={s.deadline ? fmt.dual(s.deadline) : t('settlements.no_deadline')} testId="settlement-deadline" ltr={false} />
        <Fact label={t('settlements.paid_toward')} value={m(s.paidTowardMinor)} testId="settlement-paid-toward" />
        <Fact label={t('settlements.remaining')} value={m(s.remainingMinor)} testId="settlement-remaining" />
        <Fact label={t('settlements.agreed_on')} value={fmt.dual(s.agreedOn)} testId="settlement-agreed-on" ltr={false} />
        {s.endedOn ? <Fact label={t('settlements.paid_on')} value={fmt.dual(s.endedOn)} testId="settlement-paid-on" ltr={false} /> : null}
      </SimpleGrid>
      <Table verticalSpacing={2} data-testid="settlement-discount-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.component')}</Table.Th>
            <Table.Th>{t('settlements.waived')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COMPONENTS.filter((c) => s.discount[c] !== 0).map((c) => (
            <Table.Tr key={c} data-testid={`settlement-discount-${c}`}>
              <Table.Td>{t(`payments.components.${c}`)}</Table.Td>
              <Table.Td className="nowrap-ltr">{m(s.discount[c])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.overdue && s.deadline ? (
        <Alert color="red" variant="light" p="xs" data-testid="settlement-overdue">
          <Text size="sm">{t('settlements.overdue', { date: fmt.dual(s.deadline) })}</Text>
        </Alert>
      ) : null}
      {s.state === 'paid' ? (
        <Alert color="teal" variant="light" p="xs" data-testid="settlement-paid-note">
          <Text size="sm">{t('settlements.paid_note')}</Text>
        </Alert>
      ) : null}
      {s.notes ? (
        <Text size="sm" c="dimmed">
          {s.notes}
        </Text>
      ) : null}
    </Stack>
  );
}

function Fact({ label, value, testId, ltr = true }: { label: string; value: string; testId: string; ltr?: boolean }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className={ltr ? 'nowrap-ltr' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function AgreeModal({ caseId, balance, onClose }: { caseId: number; balance: CaseBalanceRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const currency = isCurrencyCode(balance.currency) ? balance.currency : 'SAR';
  const [amountMinor, setAmount] = useState<number | null>(null);
  const [deadline, setDeadline] = useState('');
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => call('settlements.create', { caseId, amountMinor: amountMinor ?? 0, currency, deadline: deadline || null, notes }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('settlements.saved') });
      onClose();
    },
    onError: (e) => {
      const fields = fieldIssues(e);
      setIssues(Object.fromEntries(fields.map((f) => [f.path, t(f.message)])));
      setFailure(fields.length > 0 ? null : errorMessage(e, t));
    },
  });
  const waived = amountMinor !== null && amountMinor > 0 && amountMinor < balance.balanceMinor ? balance.balanceMinor - amountMinor : null;
  return (
    <Modal opened onClose={onClose} title={t('settlements.new')}>
      <Stack gap="sm" data-testid="settlement-dialog">
        {failure ? (
          <Alert color="red" data-testid="settlement-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('payments.balance')}: <span className="nowrap-ltr">{money(balance.balanceMinor, balance.currency)}</span>
        </Text>
        <AmountField label={t('settlements.amount')} value={amountMinor} currency={currency} onChange={setAmount} error={issues['amountMinor']} testId="settlement-amount-input" withAsterisk />
        <DateField label={t('settlements.deadline_optional')} value={deadline} onChange={setDeadline} error={issues['deadline']} testId="settlement-deadline-input" />
        {waived !== null ? (
          <Text size="sm" data-testid="settlement-waived-preview">
            {t('settlements.waived_preview', { amount: money(waived, balance.currency) })}
          </Text>
        ) : null}
        <Textarea label={t('settlements.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="settlement-notes" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="settlement-save">
            {t('settlements.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function BreakModal({ settlement, onClose }: { settlement: SettlementRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('settlements.break', { id: settlement.id, version: settlement.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onClose();
    },
    onError: (e) => {
      const field = fieldIssues(e)[0];
      setFailure(field ? t(field.message) : errorMessage(e, t));
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('settlements.break_title')}>
      <Stack gap="sm" data-testid="settlement-break-dialog">
        {failure ? (
          <Alert color="red" data-testid="settlement-break-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm">{t('settlements.break_explain', { discount: money(settlement.discountMinor, settlement.currency) })}</Text>
        <Textarea label={t('settlements.break_reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="settlement-break-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending} data-testid="settlement-break-confirm">
            {t('settlements.break')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
