// The case's Payments tab: the balance card, post a payment, the list (each reversal beside the payment it reverses),
// open a receipt, reverse with a reason; when a payment brings the balance to zero, ask whether to close the case as paid.
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { ComponentMinor, PaymentRow, PostedPayment } from '../../../electron/contract/procedures/payments';
import { todayIso } from '../../../electron/domain/dates';
import { CLOSED_STATUSES } from '../../../electron/domain/ladder';
import { call, fieldIssues } from '../../api/client';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { PdfActions } from '../letters/LetterPdfModal';
import { ExportMenu } from '../import/ExportMenu';
import { useCasePayments } from './api';
import { BalanceCard } from './BalanceCard';
import { PostPaymentModal } from './PostPaymentModal';

const COMPONENTS: (keyof ComponentMinor)[] = ['costs', 'fees', 'principal', 'lateCharges'];

export function PaymentsPanel({ detail, canWrite, canClose }: { detail: CaseDetail; canWrite: boolean; canClose: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const list = useCasePayments(detail.id);
  const [posting, setPosting] = useState(false);
  const [reversing, setReversing] = useState<PaymentRow | null>(null);
  const [receipt, setReceipt] = useState<PaymentRow | null>(null);
  const [closeAs, setCloseAs] = useState<'settled' | 'closed_paid' | null>(null);
  const posted = (p: PostedPayment) => {
    setPosting(false);
    notifications.show({ color: 'teal', message: t('payments.posted', { number: p.payment.receiptNumber ?? '' }) });
    if (p.settled && canClose) setCloseAs(p.closeAs ?? 'closed_paid');
  };

  if (list.isPending) return <Loader />;
  if (list.isError) return <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  const data = list.data;
  // A closed case takes no payments or reversals (payments.case_closed): reopen it first.
  const closed = CLOSED_STATUSES.includes(data.status) || detail.stage === 'closed';
  const writable = canWrite && !closed;

  return (
    <Stack gap="md" data-testid="payments-panel">
      <BalanceCard balance={data.balance} />
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('payments.title')}</Title>
            <ExportMenu run={(format, lang) => call('exports.payments', { format, lang, caseId: detail.id })} testId="payments-export" />
            {writable ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setPosting(true)} data-testid="payment-new">
                {t('payments.post')}
              </Button>
            ) : null}
          </Group>
          {closed && canWrite ? (
            <Text size="sm" c="dimmed" data-testid="payments-closed">
              {t('payments.closed_note')}
            </Text>
          ) : null}
          {data.rows.length === 0 ? <Text size="sm">{t('payments.none')}</Text> : null}
          {data.rows.length > 0 ? (
            <Table striped verticalSpacing="xs" data-testid="payments-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payments.receipt_number')}</Table.Th>
                  <Table.Th>{t('payments.on_date')}</Table.Th>
                  <Table.Th>{t('payments.amount')}</Table.Th>
                  <Table.Th>{t('payments.method')}</Table.Th>
                  <Table.Th>{t('payments.allocation')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((p) => (
                  <Table.Tr key={p.id} data-testid={`payment-row-${p.id}`} bg={p.reversesId !== null ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {p.reversesId !== null ? (
                        <Badge color="red" variant="light" data-testid={`payment-reversal-${p.id}`}>
                          {t('payments.reversal')}
                        </Badge>
                      ) : (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" className="nowrap-ltr" data-testid={`payment-receipt-number-${p.id}`}>
                            {p.receiptNumber}
                          </Text>
                          {p.reversedById !== null ? (
                            <Badge color="gray" variant="outline" style={{ overflow: 'visible' }} data-testid={`payment-reversed-${p.id}`}>
                              {t('payments.reversed')}
                            </Badge>
                          ) : null}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{fmt.dual(p.onDate)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="nowrap-ltr" data-testid={`payment-amount-${p.id}`}>
                        {money(p.amountMinor, p.currency)}
                      </Text>
                      {p.creditMinor !== 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('payments.credit')}: {money(p.creditMinor, p.currency)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{t(`payments.methods.${p.method}`)}</Text>
                      {p.method === 'cheque' ? (
                        <Text size="xs" c="dimmed">
                          {p.chequeNumber} — {p.chequeBank}
                        </Text>
                      ) : null}
                      {p.reference ? (
                        <Text size="xs" c="dimmed" className="nowrap-ltr">
                          {p.reference}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {t(`payments.receivers.${p.receivedBy}`)} — {p.createdByName}
                      </Text>
                      {p.reversesId !== null ? (
                        <Text size="xs" c="red" data-testid={`payment-reversal-reason-${p.id}`}>
                          {t('payments.reversal_reason')}: {p.reversalReason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {COMPONENTS.filter((c) => p.allocated[c] !== 0).map((c) => (
                        <Text key={c} size="xs" style={{ whiteSpace: 'nowrap' }}>
                          {t(`payments.components.${c}`)}: {money(p.allocated[c], p.currency)}
                        </Text>
                      ))}
                      {p.manualAllocation ? (
                        <Text size="xs" c="dimmed">
                          {t('payments.manual_badge')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} wrap="nowrap">
                        {p.hasReceipt ? (
                          <Button size="compact-xs" variant="subtle" leftSection={<IconReceipt size={14} />} onClick={() => setReceipt(p)} data-testid={`payment-open-receipt-${p.id}`}>
                            {t('payments.receipt')}
                          </Button>
                        ) : null}
                        {writable && p.reversesId === null && p.reversedById === null ? (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReversing(p)} data-testid={`payment-reverse-${p.id}`}>
                            {t('payments.reverse')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      </Card>
      {posting ? <PostPaymentModal caseId={detail.id} balance={data.balance} onClose={() => setPosting(false)} onPosted={posted} /> : null}
      {reversing ? <ReverseModal payment={reversing} onClose={() => setReversing(null)} /> : null}
      {receipt ? <ReceiptModal payment={receipt} onClose={() => setReceipt(null)} /> : null}
      {closeAs ? <CloseAsPaidDialog caseId={detail.id} as={closeAs} onClose={() => setCloseAs(null)} /> : null}
    </Stack>
  );
}

function ReverseModal({ payment, onClose }: { payment: PaymentRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [onDate, setOnDate] = useState(todayIso());
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('payments.reverse', { id: payment.id, reason, onDate }),
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
    <Modal opened onClose={onClose} title={t('payments.reverse_title', { number: payment.receiptNumber ?? '', amount: money(payment.amountMinor, payment.currency) })}>
      <Stack gap="sm" data-testid="payment-reverse-dialog">
        {failure ? (
          <Alert color="red" data-testid="payment-reverse-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm">{t('payments.reverse_explain')}</Text>
        <DateField label={t('payments.reverse_on')} value={onDate} onChange={setOnDate} testId="payment-reverse-date" withAsterisk />
        <Textarea label={t('payments.reversal_reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="payment-reverse-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending} data-testid="payment-reverse-confirm">
            {t('payments.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReceiptModal({ payment, onClose }: { payment: PaymentRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const pdf = useQuery({ queryKey: ['payments', 'receipt', payment.id], queryFn: () => call('payments.receipt', { id: payment.id }), staleTime: Infinity, gcTime: 60_000 });
  const title = t('payments.receipt_title', { number: payment.receiptNumber ?? '' });
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack gap="sm" data-testid="payment-receipt-modal">
        {pdf.isPending ? <Loader /> : null}
        {pdf.isError ? <Alert color="red">{errorMessage(pdf.error, t)}</Alert> : null}
        {pdf.data ? (
          <>
            <PdfActions base64={pdf.data.pdfBase64} fileName={pdf.data.fileName} />
            <PdfFrame base64={pdf.data.pdfBase64} title={title} height="70vh" />
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}

/**
 * Asked, never done on its own: the balance is zero, close the case? As 'settled' when a settlement was paid, else as
 * 'closed_paid' (cases.setStatus).
 */
function CloseAsPaidDialog({ caseId, as, onClose }: { caseId: number; as: 'settled' | 'closed_paid'; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: async () => {
      const k = await call('cases.get', { id: caseId });
      return call('cases.setStatus', { id: caseId, version: k.version, status: as, reason: t(as === 'settled' ? 'payments.closed_reason_settlement' : 'payments.closed_reason') });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onClose();
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  return (
    <Modal opened onClose={onClose} title={t('payments.settled_title')}>
      <Stack gap="sm" data-testid="payment-settled-dialog">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Text size="sm">{t(as === 'settled' ? 'payments.settled_question_settlement' : 'payments.settled_question')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="payment-settled-keep">
            {t('payments.settled_keep')}
          </Button>
          <Button color="teal" onClick={() => close.mutate()} loading={close.isPending} data-testid="payment-settled-close">
            {t(as === 'settled' ? 'payments.settled_close_settlement' : 'payments.settled_close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
