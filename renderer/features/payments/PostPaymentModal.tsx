// Post a payment on the case: date, amount, method (a cheque's number and bank), reference, who received it, an optional
// manual split per component, and holding what exceeds the balance as credit.
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../electron/domain/dates';
import { isCurrencyCode } from '../../../electron/domain/money';
import {
  PAYMENT_METHODS,
  RECEIVED_BY,
  type CaseBalanceRow,
  type ComponentMinor,
  type PaymentMethod,
  type PostedPayment,
  type ReceivedBy,
} from '../../../electron/contract/procedures/payments';
import { call, fieldIssues } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { areaKeys } from '../cases/api';

const SPLIT: (keyof ComponentMinor)[] = ['costs', 'fees', 'principal'];

export function PostPaymentModal({
  caseId,
  balance,
  onClose,
  onPosted,
}: {
  caseId: number;
  balance: CaseBalanceRow;
  onClose: () => void;
  onPosted: (p: PostedPayment) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const queryClient = useQueryClient();
  const currency = isCurrencyCode(balance.currency) ? balance.currency : 'SAR';
  const [onDate, setOnDate] = useState(todayIso());
  const [amountMinor, setAmount] = useState<number | null>(null);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [chequeNumber, setChequeNumber] = useState('');
  const [chequeBank, setChequeBank] = useState('');
  const [reference, setReference] = useState('');
  const [receivedBy, setReceivedBy] = useState<ReceivedBy>('office');
  const [manual, setManual] = useState(false);
  const [split, setSplit] = useState<Record<string, number | null>>({});
  const [holdCredit, setHoldCredit] = useState(false);
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const over = amountMinor !== null && amountMinor > balance.balanceMinor;

  const save = useMutation({
    mutationFn: () =>
      call('payments.post', {
        caseId,
        onDate,
        amountMinor: amountMinor ?? 0,
        currency,
        method,
        chequeNumber,
        chequeBank,
        reference,
        receivedBy,
        allocation: manual ? { costs: split['costs'] ?? 0, fees: split['fees'] ?? 0, principal: split['principal'] ?? 0 } : null,
        holdCredit: over && holdCredit,
        notes,
        lang: i18n.language === 'en' ? 'en' : 'ar',
      }),
    onSuccess: async (posted) => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onPosted(posted);
    },
    onError: (e) => {
      const fields = fieldIssues(e);
      setIssues(Object.fromEntries(fields.map((f) => [f.path, t(f.message)])));
      setFailure(fields.length > 0 ? null : errorMessage(e, t));
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('payments.post')} size="lg">
      <Stack gap="sm" data-testid="payment-dialog">
        {failure ? (
          <Alert color="red" data-testid="payment-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('payments.balance')}: {money(balance.balanceMinor, balance.currency)}
        </Text>
        <SimpleGrid cols={2}>
          <DateField label={t('payments.on_date')} value={onDate} onChange={setOnDate} error={issues['onDate']} testId="payment-date" withAsterisk />
          <AmountField label={t('payments.amount')} value={amountMinor} currency={currency} onChange={setAmount} error={issues['amountMinor']} testId="payment-amount" withAsterisk />
          <Select
            label={t('payments.method')}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.methods.${m}`) }))}
            value={method}
            allowDeselect={false}
            onChange={(v) => setMethod(PAYMENT_METHODS.find((m) => m === v) ?? 'bank_transfer')}
            data-testid="payment-method"
          />
          <Select
            label={t('payments.received_by')}
            data={RECEIVED_BY.map((r) => ({ value: r, label: t(`payments.receivers.${r}`) }))}
            value={receivedBy}
            allowDeselect={false}
            onChange={(v) => setReceivedBy(RECEIVED_BY.find((r) => r === v) ?? 'office')}
            data-testid="payment-received-by"
          />
          {method === 'cheque' ? (
            <>
              <TextInput
                label={t('payments.cheque_number')}
                withAsterisk
                value={chequeNumber}
                onChange={(e) => {
                  setChequeNumber(e.currentTarget.value);
                  setIssues(({ chequeNumber: _, ...rest }) => rest);
                }}
                error={issues['chequeNumber']}
                data-testid="payment-cheque-number"
              />
              <TextInput
                label={t('payments.cheque_bank')}
                withAsterisk
                value={chequeBank}
                onChange={(e) => {
                  setChequeBank(e.currentTarget.value);
                  setIssues(({ chequeBank: _, ...rest }) => rest);
                }}
                error={issues['chequeBank']}
                data-testid="payment-cheque-bank"
              />
            </>
          ) : null}
        </SimpleGrid>
        <TextInput label={t('payments.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={issues['reference']} data-testid="payment-reference" />
        <Checkbox label={t('payments.manual')} checked={manual} onChange={(e) => setManual(e.currentTarget.checked)} data-testid="payment-manual" />
        {manual ? (
          <SimpleGrid cols={3}>
            {SPLIT.map((c) => (
              <AmountField
                key={c}
                label={`${t(`payments.components.${c}`)} (${money(balance.outstanding[c], balance.currency)})`}
                value={split[c] ?? null}
                currency={currency}
                onChange={(v) => setSplit((s) => ({ ...s, [c]: v }))}
                testId={`payment-split-${c}`}
                optional
              />
            ))}
          </SimpleGrid>
        ) : null}
        {over ? (
          <Alert color="yellow" data-testid="payment-over">
            <Stack gap="xs">
              <Text size="sm">{t('payments.over_explain', { balance: money(balance.balanceMinor, balance.currency) })}</Text>
              <Checkbox label={t('payments.hold_credit')} checked={holdCredit} onChange={(e) => setHoldCredit(e.currentTarget.checked)} data-testid="payment-hold-credit" />
            </Stack>
          </Alert>
        ) : null}
        <Textarea label={t('payments.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="payment-notes" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="payment-save">
            {t('payments.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
