// A remittance's statement PDF, reconciling it as paid (date and bank reference), voiding it with a reason, and the
// table of remittances that the client page and the office-wide page share.
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconCash, IconFileText, IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RemittanceRow, RemittanceState } from '../../../electron/contract/procedures/ledger';
import { todayIso } from '../../../electron/domain/dates';
import { call, fieldIssues } from '../../api/client';
import { DateField } from '../../components/DateField';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { PdfActions } from '../letters/LetterPdfModal';
import { ledgerKeys, useLedgerRefresh } from './api';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const STATE_COLORS: Record<RemittanceState, string> = { issued: 'blue', paid: 'teal', void: 'gray' };

export function RemittanceStateBadge({ state }: { state: RemittanceState }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {t(`ledger.state.${state}`)}
    </Badge>
  );
}

export function StatementModal({ remittance, onClose }: { remittance: Pick<RemittanceRow, 'id' | 'number'>; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const pdf = useQuery({
    queryKey: [...ledgerKeys.all, 'statement', remittance.id],
    queryFn: () => call('remittances.statement', { id: remittance.id }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const title = t('ledger.statement_title', { number: remittance.number });
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack gap="sm" data-testid="remittance-statement-modal">
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

/** A field's message (a bad date) or the refusal, translated. */
export function failureOf(e: unknown, t: TFunction): string {
  const field = fieldIssues(e)[0];
  return field ? (fieldMessage(field.message, t) ?? t('errors.input.invalid')) : errorMessage(e, t);
}

export function MarkPaidModal({ remittance, onClose }: { remittance: RemittanceRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const refresh = useLedgerRefresh();
  const [paidOn, setPaidOn] = useState(todayIso());
  const [reference, setReference] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('remittances.markPaid', { id: remittance.id, version: remittance.version, paidOn, reference }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (e) => setFailure(failureOf(e, t)),
  });
  return (
    <Modal opened onClose={onClose} title={t('ledger.mark_paid_title', { number: remittance.number })}>
      <Stack gap="sm" data-testid="remittance-paid-dialog">
        {failure ? (
          <Alert color="red" data-testid="remittance-paid-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm">{t('ledger.mark_paid_explain', { amount: money(remittance.netMinor, remittance.currency), client: remittance.clientName })}</Text>
        <DateField label={t('ledger.paid_on')} value={paidOn} onChange={setPaidOn} testId="remittance-paid-on" withAsterisk />
        <TextInput label={t('ledger.paid_reference')} withAsterisk value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="remittance-paid-reference" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="remittance-paid-confirm">
            {t('ledger.mark_paid')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function VoidModal({ remittance, onClose }: { remittance: RemittanceRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const refresh = useLedgerRefresh();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('remittances.void', { id: remittance.id, version: remittance.version, reason }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (e) => setFailure(failureOf(e, t)),
  });
  return (
    <Modal opened onClose={onClose} title={t('ledger.void_title', { number: remittance.number })}>
      <Stack gap="sm" data-testid="remittance-void-dialog">
        {failure ? (
          <Alert color="red" data-testid="remittance-void-error">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm">{t('ledger.void_explain')}</Text>
        <Textarea label={t('ledger.void_reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="remittance-void-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => save.mutate()} loading={save.isPending} data-testid="remittance-void-confirm">
            {t('ledger.void')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Remittances with their figures and state; the actions a user may take on each. */
export function RemittancesTable({ rows, canWrite, showClient }: { rows: readonly RemittanceRow[]; canWrite: boolean; showClient: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const [statement, setStatement] = useState<RemittanceRow | null>(null);
  const [paying, setPaying] = useState<RemittanceRow | null>(null);
  const [voiding, setVoiding] = useState<RemittanceRow | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="remittances-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ledger.number')}</Table.Th>
              {showClient ? <Table.Th>{t('ledger.client')}</Table.Th> : null}
              <Table.Th>{t('ledger.period')}</Table.Th>
              <Table.Th ta="end">{t('ledger.collected')}</Table.Th>
              <Table.Th ta="end">{t('ledger.fee')}</Table.Th>
              <Table.Th ta="end">{t('ledger.net')}</Table.Th>
              <Table.Th>{t('ledger.state_title')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid={`remittance-row-${r.number}`}>
                <Table.Td className="nowrap-ltr">{r.number}</Table.Td>
                {showClient ? (
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${r.clientId}`}>
                      {r.clientName}
                    </Anchor>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm">{t('ledger.period_value', { from: fmt.gregorian(r.periodFrom), to: fmt.gregorian(r.periodTo) })}</Text>
                </Table.Td>
                <Table.Td ta="end" style={NOWRAP}>
                  {money(r.collectedMinor, r.currency)}
                </Table.Td>
                <Table.Td ta="end" style={NOWRAP}>
                  {money(r.feeMinor, r.currency)}
                </Table.Td>
                <Table.Td ta="end" style={NOWRAP}>
                  <Text fw={600} size="sm">
                    {money(r.netMinor, r.currency)}
                  </Text>
                </Table.Td>
                <Table.Td miw={110}>
                  <Stack gap={2} align="flex-start">
                    <RemittanceStateBadge state={r.state} />
                    {r.state === 'paid' && r.paidOn ? (
                      <>
                        <Text size="xs" c="dimmed">
                          {t('ledger.paid_value', { date: fmt.gregorian(r.paidOn), by: r.reconciledByName ?? '' })}
                        </Text>
                        <Text size="xs" c="dimmed" className="nowrap-ltr">
                          {r.paidReference}
                        </Text>
                      </>
                    ) : null}
                    {r.state === 'void' ? (
                      <Text size="xs" c="dimmed">
                        {r.voidReason}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />} onClick={() => setStatement(r)} data-testid={`remittance-statement-${r.number}`}>
                      {t('ledger.statement')}
                    </Button>
                    {canWrite && r.state === 'issued' ? (
                      <>
                        <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCash size={14} />} onClick={() => setPaying(r)} data-testid={`remittance-pay-${r.number}`}>
                          {t('ledger.mark_paid')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconX size={14} />} onClick={() => setVoiding(r)} data-testid={`remittance-void-${r.number}`}>
                          {t('ledger.void')}
                        </Button>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {statement ? <StatementModal remittance={statement} onClose={() => setStatement(null)} /> : null}
      {paying ? <MarkPaidModal remittance={paying} onClose={() => setPaying(null)} /> : null}
      {voiding ? <VoidModal remittance={voiding} onClose={() => setVoiding(null)} /> : null}
    </>
  );
}
