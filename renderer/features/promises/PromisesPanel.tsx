// The case's promises to pay: state, amount, due date and what was paid toward each; record one; cancel with a reason.
import { Alert, Button, Card, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { PROMISE_CHANNELS, type PromiseChannel, type PromiseRow } from '../../../electron/contract/procedures/promises';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call, fieldIssues } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { useCasePromises } from './api';
import { PromiseStateBadge } from './PromiseStateBadge';

export function PromisesPanel({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const list = useCasePromises(detail.id);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<PromiseRow | null>(null);
  const data = list.data;

  return (
    <Card withBorder data-testid="promises-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('promises.title')}</Title>
          {canWrite ? (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="promise-new">
              {t('promises.new')}
            </Button>
          ) : null}
        </Group>
        {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
        {data ? (
          <Text size="sm" c="dimmed" data-testid="promise-balance">
            {t('promises.balance', { balance: money(data.balanceMinor, data.currency), claim: money(data.claimMinor, data.currency), paid: money(data.paidMinor, data.currency) })}
          </Text>
        ) : null}
        {data && data.promises.length === 0 ? <Text size="sm">{t('promises.none')}</Text> : null}
        {data && data.promises.length > 0 ? (
          <Table striped verticalSpacing="xs" data-testid="promises-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('promises.state')}</Table.Th>
                <Table.Th>{t('promises.amount')}</Table.Th>
                <Table.Th>{t('promises.due_on')}</Table.Th>
                <Table.Th>{t('promises.channel')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.promises.map((p) => (
                <Table.Tr key={p.id} data-testid={`promise-row-${p.id}`}>
                  <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                    <PromiseStateBadge state={p.cancelledAt ? 'cancelled' : p.state} testId={`promise-state-${p.id}`} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {money(p.amountMinor, p.currency)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={`promise-kept-${p.id}`}>
                      {t('promises.kept')}: {money(p.keptMinor, p.currency)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{fmt.dual(p.dueOn)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{t(`promises.channels.${p.channel}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {fmt.gregorian(p.madeOn)} — {p.createdByName}
                    </Text>
                    {p.cancelledAt ? (
                      <Text size="xs" c="dimmed">
                        {t('promises.cancelled', { reason: p.cancelReason })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                    {canWrite && !p.cancelledAt ? (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(p)} data-testid={`promise-cancel-${p.id}`}>
                        {t('promises.cancel')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('promises.explain')}
        </Text>
      </Stack>
      {creating ? <NewPromiseModal detail={detail} onClose={() => setCreating(false)} /> : null}
      {cancelling ? <CancelPromiseModal promise={cancelling} onClose={() => setCancelling(null)} /> : null}
    </Card>
  );
}

function NewPromiseModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amountMinor, setAmount] = useState<number | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [channel, setChannel] = useState<PromiseChannel>('call');
  const [failure, setFailure] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const currency = isCurrencyCode(detail.currency) ? detail.currency : 'SAR';

  const save = useMutation({
    mutationFn: () => call('promises.create', { caseId: detail.id, amountMinor: amountMinor ?? 0, dueOn, channel }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      const fields = fieldIssues(e);
      setIssues(Object.fromEntries(fields.map((f) => [f.path, t(f.message)])));
      setFailure(fields.length > 0 ? null : errorMessage(e, t));
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('promises.new')}>
      <Stack gap="sm" data-testid="promise-dialog">
        {failure ? (
          <Alert color="red" data-testid="promise-error">
            {failure}
          </Alert>
        ) : null}
        <AmountField label={t('promises.amount')} value={amountMinor} currency={currency} onChange={setAmount} error={issues.amountMinor} testId="promise-amount" withAsterisk />
        <DateField label={t('promises.due_on')} value={dueOn} onChange={setDueOn} error={issues.dueOn} testId="promise-due" withAsterisk />
        <Select
          label={t('promises.channel')}
          data={PROMISE_CHANNELS.map((c) => ({ value: c, label: t(`promises.channels.${c}`) }))}
          value={channel}
          allowDeselect={false}
          onChange={(v) => setChannel(PROMISE_CHANNELS.find((c) => c === v) ?? 'call')}
          data-testid="promise-channel"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="promise-save">
            {t('promises.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelPromiseModal({ promise, onClose }: { promise: PromiseRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('promises.cancel', { id: promise.id, version: promise.version, reason }),
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
    <Modal opened onClose={onClose} title={t('promises.cancel_title', { amount: money(promise.amountMinor, promise.currency), date: fmt.gregorian(promise.dueOn) })}>
      <Stack gap="sm" data-testid="promise-cancel-dialog">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Textarea label={t('promises.cancel_reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="promise-cancel-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending} data-testid="promise-cancel-confirm">
            {t('promises.cancel_confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
