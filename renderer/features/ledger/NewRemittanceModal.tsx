// A new remittance: currency, period and the statement's language → the preview (figures and cases, or why nothing
// can be remitted) → issue → the statement PDF opens.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientLedger, RemittancePreview, RemittanceRow } from '../../../electron/contract/procedures/ledger';
import { todayIso } from '../../../electron/domain/dates';
import { isCurrencyCode, type CurrencyCode } from '../../../electron/domain/money';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { PartyName } from '../../components/PartyName';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { useLedgerRefresh } from './api';
import { failureOf } from './RemittanceDialogs';

export function NewRemittanceModal({ ledger, onClose, onIssued }: { ledger: ClientLedger; onClose: () => void; onIssued: (r: RemittanceRow) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const refresh = useLedgerRefresh();
  const first = ledger.currencies.find((c) => c.unremitted.items > 0) ?? ledger.currencies[0];
  const [currency, setCurrency] = useState<CurrencyCode>(first && isCurrencyCode(first.currency) ? first.currency : 'SAR');
  const [periodFrom, setPeriodFrom] = useState(first?.nextPeriodFrom ?? todayIso());
  const [periodTo, setPeriodTo] = useState(todayIso());
  const [lang, setLang] = useState<'ar' | 'en'>(i18n.language === 'en' ? 'en' : 'ar');
  const [preview, setPreview] = useState<RemittancePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = { clientId: ledger.clientId, currency, periodFrom, periodTo };

  const check = useMutation({
    mutationFn: () => call('remittances.preview', input),
    onSuccess: (p) => {
      setFailure(null);
      setPreview(p);
    },
    onError: (e) => {
      setPreview(null);
      setFailure(failureOf(e, t));
    },
  });
  const issue = useMutation({
    mutationFn: () => call('remittances.create', { ...input, lang }),
    onSuccess: async (r) => {
      await refresh();
      onIssued(r);
    },
    onError: (e) => setFailure(failureOf(e, t)),
  });
  const changed = (): void => setPreview(null);
  const f = preview?.figures;

  return (
    <Modal opened onClose={onClose} title={t('ledger.new_title', { client: ledger.clientName })} size="xl">
      <Stack gap="sm" data-testid="remittance-new-dialog">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t('ledger.currency')}
            data={ledger.currencies.map((c) => ({ value: c.currency, label: t(`currencies.${c.currency}`) }))}
            value={currency}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            onChange={(v) => {
              if (!v || !isCurrencyCode(v)) return;
              setCurrency(v);
              const next = ledger.currencies.find((c) => c.currency === v)?.nextPeriodFrom;
              if (next) setPeriodFrom(next);
              changed();
            }}
            data-testid="remittance-currency"
          />
          <DateField
            label={t('ledger.period_from')}
            value={periodFrom}
            onChange={(v) => {
              setPeriodFrom(v);
              changed();
            }}
            testId="remittance-from"
            withAsterisk
          />
          <DateField
            label={t('ledger.period_to')}
            value={periodTo}
            onChange={(v) => {
              setPeriodTo(v);
              changed();
            }}
            testId="remittance-to"
            withAsterisk
          />
          <Select
            label={t('ledger.statement_lang')}
            data={[
              { value: 'ar', label: t('ledger.lang_ar') },
              { value: 'en', label: t('ledger.lang_en') },
            ]}
            value={lang}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            onChange={(v) => setLang(v === 'en' ? 'en' : 'ar')}
            data-testid="remittance-lang"
          />
        </SimpleGrid>
        {failure ? (
          <Alert color="red" data-testid="remittance-new-error">
            {failure}
          </Alert>
        ) : null}
        {preview && f ? (
          <Stack gap="xs" data-testid="remittance-preview">
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label={t('ledger.collected')} value={money(f.collectedMinor, preview.currency)} />
              <Figure label={t('ledger.client_received')} value={money(f.clientReceivedMinor, preview.currency)} />
              <Figure label={t('ledger.fee')} value={money(f.feeMinor, preview.currency)} />
              <Figure label={t('ledger.net')} value={money(f.netMinor, preview.currency)} strong testId="remittance-preview-net" />
            </SimpleGrid>
            {preview.blocked ? (
              <Alert color="yellow" data-testid="remittance-blocked">
                {t(`errors.${preview.blocked.code}`)}{' '}
                {t('ledger.held_value', { amount: money(preview.blocked.details.heldMinor, preview.currency) })}
              </Alert>
            ) : (
              <Text size="sm" c="dimmed">
                {t('ledger.preview_summary', { items: fmt.number(preview.itemCount), cases: fmt.number(preview.cases.length) })}
              </Text>
            )}
            {preview.cases.length > 0 ? (
              <Table.ScrollContainer minWidth={600} mah={320}>
                <Table striped data-testid="remittance-preview-cases">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ledger.case')}</Table.Th>
                      <Table.Th>{t('ledger.debtor')}</Table.Th>
                      <Table.Th ta="end">{t('ledger.collected')}</Table.Th>
                      <Table.Th ta="end">{t('ledger.client_received')}</Table.Th>
                      <Table.Th ta="end">{t('ledger.fee')}</Table.Th>
                      <Table.Th ta="end">{t('ledger.net')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.cases.map((c) => (
                      <Table.Tr key={c.caseId}>
                        <Table.Td className="nowrap-ltr">{c.reference}</Table.Td>
                        <Table.Td><PartyName name={c.debtorName} /></Table.Td>
                        <Table.Td ta="end">{money(c.collectedMinor, preview.currency)}</Table.Td>
                        <Table.Td ta="end">{money(c.clientReceivedMinor, preview.currency)}</Table.Td>
                        <Table.Td ta="end">{money(c.feeMinor, preview.currency)}</Table.Td>
                        <Table.Td ta="end">{money(c.netMinor, preview.currency)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => check.mutate()} loading={check.isPending} data-testid="remittance-preview-button">
            {t('ledger.preview')}
          </Button>
          <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={!preview || preview.blocked !== null} data-testid="remittance-issue">
            {t('ledger.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Figure({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
