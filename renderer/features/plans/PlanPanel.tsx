// The case's instalment plan: its schedule (date with Hijri, amount, paid, state), missed instalments and the day it
// would default; agree a new plan, renegotiate (the old schedule kept under "Earlier plans"), cancel, print the agreement.
import { Accordion, Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconPrinter, IconRefresh, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { PlanInstalmentRow, PlanRow, PlanState } from '../../../electron/contract/procedures/plans';
import type { InstalmentState } from '../../../electron/domain/instalments';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { LetterPdfModal } from '../letters/LetterPdfModal';
import { useCasePlans } from './api';
import { PlanModal } from './PlanModal';

const PLAN_COLORS: Record<PlanState, string> = { active: 'blue', completed: 'teal', defaulted: 'red', renegotiated: 'gray', cancelled: 'gray' };
const INSTALMENT_COLORS: Record<InstalmentState, string> = { due: 'blue', paid: 'teal', partly_paid: 'orange', late: 'red' };

export function PlanStateBadge({ state, testId }: { state: PlanState; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={PLAN_COLORS[state]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }} data-testid={testId} data-state={state}>
      {t(`plans.states.${state}`)}
    </Badge>
  );
}

export function PlanPanel({ detail, canWrite, canPrint }: { detail: CaseDetail; canWrite: boolean; canPrint: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const plans = useCasePlans(detail.id);
  const [editing, setEditing] = useState<{ renegotiating: PlanRow | null } | null>(null);
  const [cancelling, setCancelling] = useState<PlanRow | null>(null);
  const [letter, setLetter] = useState<{ id: number; number: string } | null>(null);
  const print = useMutation({
    mutationFn: (p: PlanRow) =>
      call('letters.generate', {
        caseId: detail.id,
        kind: 'instalment_agreement',
        lang: fmt.opts.lang,
        inputs: { planCount: p.count, planFrequency: p.frequency, planFirstDate: p.firstDate },
      }),
    onSuccess: (l) => setLetter({ id: l.id, number: l.number }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });

  if (plans.isPending) return <Loader />;
  if (plans.isError) return <Alert color="red">{errorMessage(plans.error, t)}</Alert>;
  const data = plans.data;
  const p = data.current;
  const writable = canWrite && !data.closed;
  // The agreement letter prints the balance as the total and equal instalments with the rounding on the last: offered
  // while the plan says exactly that (when it is agreed), so the paper never disagrees with the schedule.
  const printable = p !== null && canPrint && p.state === 'active' && p.paidMinor === 0 && p.totalMinor === data.balanceMinor && p.remainderOn === 'last';

  return (
    <Card withBorder data-testid="plan-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('plans.title')}</Title>
            {p ? <PlanStateBadge state={p.state} testId="plan-state" /> : null}
          </Group>
          <Group gap="xs">
            {p && printable ? (
              <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={print.isPending} onClick={() => print.mutate(p)} data-testid="plan-print">
                {t('plans.print')}
              </Button>
            ) : null}
            {p && writable ? (
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => setEditing({ renegotiating: p })} data-testid="plan-renegotiate">
                {t('plans.renegotiate')}
              </Button>
            ) : null}
            {p && writable && p.state === 'active' ? (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} />} onClick={() => setCancelling(p)} data-testid="plan-cancel">
                {t('plans.cancel')}
              </Button>
            ) : null}
            {!p && writable ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ renegotiating: null })} disabled={data.balanceMinor <= 0} data-testid="plan-new">
                {t('plans.new')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {p ? <CurrentPlan plan={p} /> : <Text size="sm">{t('plans.none')}</Text>}
        {data.history.length > 0 ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('plans.history')}
            </Text>
            <Accordion variant="separated" data-testid="plan-history">
              {data.history.map((h) => (
                <Accordion.Item key={h.id} value={String(h.id)} data-testid={`plan-history-${h.id}`}>
                  <Accordion.Control>
                    <Group gap="xs" wrap="nowrap">
                      <PlanStateBadge state={h.state} />
                      <Text size="sm">
                        {t('plans.summary', {
                          total: money(h.totalMinor, h.currency),
                          count: h.count,
                          frequency: t(`plans.frequencies.${h.frequency}`),
                          date: fmt.gregorian(h.agreedOn),
                        })}
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      {h.reason ? (
                        <Text size="sm" data-testid={`plan-history-reason-${h.id}`}>
                          {t('plans.ended_reason', { date: h.endedOn ? fmt.gregorian(h.endedOn) : '', reason: h.reason })}
                        </Text>
                      ) : null}
                      <ScheduleTable plan={h} testId={`plan-history-schedule-${h.id}`} />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        ) : null}
      </Stack>
      {editing ? (
        <PlanModal
          caseId={detail.id}
          plans={data}
          renegotiating={editing.renegotiating}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifications.show({ color: 'teal', message: t('plans.saved') });
          }}
        />
      ) : null}
      {cancelling ? <CancelPlanModal plan={cancelling} onClose={() => setCancelling(null)} /> : null}
      {letter ? <LetterPdfModal letterId={letter.id} title={t('plans.agreement_title', { number: letter.number })} onClose={() => setLetter(null)} /> : null}
    </Card>
  );
}

function CurrentPlan({ plan }: { plan: PlanRow }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  return (
    <Stack gap="xs" data-testid="plan-current">
      <Text size="sm" data-testid="plan-summary">
        {t('plans.summary', { total: money(plan.totalMinor, plan.currency), count: plan.count, frequency: t(`plans.frequencies.${plan.frequency}`), date: fmt.gregorian(plan.agreedOn) })}
      </Text>
      <Group gap="lg">
        <Text size="sm" data-testid="plan-paid">
          {t('plans.paid_of', { paid: money(plan.paidMinor, plan.currency), total: money(plan.totalMinor, plan.currency) })}
        </Text>
        <Text size="sm" c={plan.missed > 0 ? 'red' : undefined} data-testid="plan-missed">
          {t('plans.missed', { count: plan.missed })}
        </Text>
      </Group>
      {plan.defaultsOn ? (
        <Alert color={plan.state === 'defaulted' ? 'red' : 'blue'} variant="light" p="xs" data-testid="plan-defaults-on">
          <Text size="sm">
            {plan.state === 'defaulted'
              ? t('plans.defaulted_on', { date: fmt.dual(plan.defaultsOn) })
              : t('plans.defaults_on', { date: fmt.dual(plan.defaultsOn), count: plan.defaultAfterMissed })}
          </Text>
        </Alert>
      ) : null}
      <ScheduleTable plan={plan} testId="plan-schedule" />
    </Stack>
  );
}

function ScheduleTable({ plan, testId }: { plan: PlanRow; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing={4} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.n')}</Table.Th>
            <Table.Th>{t('plans.due_on')}</Table.Th>
            <Table.Th>{t('plans.amount')}</Table.Th>
            <Table.Th>{t('plans.paid')}</Table.Th>
            <Table.Th>{t('plans.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.instalments.map((i) => (
            <InstalmentRow key={i.n} i={i} currency={plan.currency} testId={`${testId}-row-${i.n}`} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('plans.preview_total')}</Table.Th>
            <Table.Th className="nowrap-ltr">{money(plan.totalMinor, plan.currency)}</Table.Th>
            <Table.Th className="nowrap-ltr">{money(plan.paidMinor, plan.currency)}</Table.Th>
            <Table.Th>{plan.unappliedMinor > 0 ? <Text size="xs">{t('plans.unapplied', { amount: money(plan.unappliedMinor, plan.currency) })}</Text> : null}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function InstalmentRow({ i, currency, testId }: { i: PlanInstalmentRow; currency: string; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  return (
    <Table.Tr data-testid={testId} data-state={i.state}>
      <Table.Td>{fmt.number(i.n)}</Table.Td>
      <Table.Td>
        <Text size="xs">{fmt.dual(i.dueOn)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="nowrap-ltr">
          {money(i.amountMinor, currency)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="nowrap-ltr">
          {money(i.paidMinor, currency)}
        </Text>
        {i.paidOn && i.state === 'paid' ? (
          <Text size="xs" c="dimmed">
            {fmt.gregorian(i.paidOn)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Badge color={INSTALMENT_COLORS[i.state]} variant="light" style={{ minWidth: 'max-content' }} data-testid={`${testId}-state`}>
          {t(`plans.instalment_states.${i.state}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function CancelPlanModal({ plan, onClose }: { plan: PlanRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('plans.cancel', { planId: plan.id, version: plan.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onClose();
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  return (
    <Modal opened onClose={onClose} title={t('plans.cancel_title')}>
      <Stack gap="sm" data-testid="plan-cancel-dialog">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Text size="sm">{t('plans.cancel_explain')}</Text>
        <Textarea label={t('plans.reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="plan-cancel-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending} data-testid="plan-cancel-confirm">
            {t('plans.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
