// One client: details, power-of-attorney warnings, its cases; archive, and delete (refused while it has cases: archive instead).
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconEdit, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatIbanDisplay } from '../../../electron/domain/validators';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { StageBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys, useCaseList, useClient } from '../cases/api';
import { messageParams } from '../cases/params';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { LedgerSection } from '../ledger/LedgerSection';

function Fact({ label, children }: { label: string; children: ReactNode }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

export function ClientPage({ canWrite, canLedger = false, canRemit = false }: { canWrite: boolean; canLedger?: boolean; canRemit?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const client = useClient(id);
  const cases = useCaseList({ filter: { clientId: id }, sort: 'openedOn', dir: 'desc' });
  const [hasCases, setHasCases] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const archive = useMutation({
    mutationFn: (archived: boolean) => call('clients.archive', { id, archived }),
    onSuccess: async () => {
      setHasCases(false);
      await queryClient.invalidateQueries({ queryKey: areaKeys.clients });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: () => call('clients.delete', { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.clients });
      void navigate('/clients');
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'clients.has_cases') setHasCases(true);
      else setFailure(errorMessage(e, t));
    },
  });

  if (client.isPending) return <Loader />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error, t)}</Alert>;
  const c = client.data;
  const rows = (cases.data?.pages ?? []).flatMap((p) => p.rows);

  return (
    <Stack gap="md" data-testid="client-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{c.nameAr}</Title>
          {c.nameEn ? <Text c="dimmed" dir="ltr">{c.nameEn}</Text> : null}
          {c.archived ? <Badge color="gray">{t('clients.archived')}</Badge> : null}
        </Group>
        {canWrite ? (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => archive.mutate(!c.archived)} data-testid="client-archive">
              {c.archived ? t('clients.unarchive') : t('clients.archive')}
            </Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => remove.mutate()} data-testid="client-delete">
              {t('clients.delete')}
            </Button>
            <Button component={Link} to={`/clients/${c.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="client-edit">
              {t('clients.edit')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {failure ? <Alert color="red" withCloseButton onClose={() => setFailure(null)}>{failure}</Alert> : null}
      {c.warnings.map((w) => (
        <Alert key={`${w.code}-${'number' in w ? w.number : ''}`} color="yellow" icon={<IconAlertTriangle />} data-testid="client-warning">
          {t(`clients.warning_${w.code}`, messageParams({ ...w }, t, fmt))}
        </Alert>
      ))}
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <Fact label={t('parties.kind')}>{t(`parties.kind_${c.kind}`)}</Fact>
          <Fact label={c.kind === 'company' ? t('clients.crNumber') : t('clients.nationalId')}>
            <span className="nowrap-ltr">{c.kind === 'company' ? c.crNumber : c.nationalId}</span>
          </Fact>
          <Fact label={t('clients.vatNumber')}>
            <span className="nowrap-ltr">{c.vatNumber}</span>
          </Fact>
          <Fact label={t('clients.rulePack')}>{t(`clients.rule_pack_${c.rulePack}`)}</Fact>
          <Fact label={t('clients.phone')}>
            <span className="nowrap-ltr">{c.phone}</span>
          </Fact>
          <Fact label={t('clients.email')}>{c.email}</Fact>
          <Fact label={t('clients.iban')}>
            <span className="nowrap-ltr">{c.iban ? formatIbanDisplay(c.iban) : ''}</span>
          </Fact>
          <Fact label={t('clients.bankName')}>{c.bankName}</Fact>
          <Fact label={t('clients.fee_percent')}>{c.fee.percentBp === null ? '' : t('clients.percent_value', { n: fmt.number(c.fee.percentBp / 100) })}</Fact>
          <Fact label={t('clients.address')}>{c.address}</Fact>
          <Fact label={t('clients.allocation_order')}>
            <span data-testid="client-allocation-order-value">{c.allocationOrder.map((k, i) => `${fmt.number(i + 1)}. ${t(`payments.components.${k}`)}`).join(fmt.opts.lang === 'ar' ? '، ' : ', ')}</span>
          </Fact>
          <Fact label={t('clients.money_rules')}>
            <span data-testid="client-late-charges-value">{t(c.lateChargesAllowed ? 'clients.late_charges_yes' : 'clients.late_charges_no')}</span>
          </Fact>
        </SimpleGrid>
      </Card>
      {c.powersOfAttorney.length > 0 ? (
        <Card withBorder padding="lg">
          <Title order={4} mb="sm">{t('clients.poa')}</Title>
          <Table data-testid="client-poa">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.poa_number')}</Table.Th>
                <Table.Th>{t('clients.poa_notary')}</Table.Th>
                <Table.Th>{t('clients.poa_issued_on')}</Table.Th>
                <Table.Th>{t('clients.poa_expires_on')}</Table.Th>
                <Table.Th>{t('clients.poa_pleading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.powersOfAttorney.map((p) => (
                <Table.Tr key={p.number}>
                  <Table.Td className="nowrap-ltr">{p.number}</Table.Td>
                  <Table.Td>{p.notary}</Table.Td>
                  <Table.Td>{fmt.dual(p.issuedOn)}</Table.Td>
                  <Table.Td>{p.expiresOn ? fmt.dual(p.expiresOn) : '—'}</Table.Td>
                  <Table.Td>{p.pleadingClause ? t('common.yes') : t('common.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
      <Card withBorder padding="lg">
        <Title order={4} mb="sm">{t('clients.cases', { n: fmt.number(c.caseCount) })}</Title>
        {rows.length === 0 ? <Text c="dimmed">{t('parties.no_cases')}</Text> : null}
        <Stack gap={4} data-testid="client-cases">
          {rows.map((r) => (
            <Group key={r.id} gap="sm">
              <Anchor component={Link} to={`/cases/${r.id}`} className="nowrap-ltr">{r.reference}</Anchor>
              <Text size="sm"><PartyName name={r.debtorName} /></Text>
              <StageBadge stage={r.stage} />
              <Text size="sm">{money(r.claimMinor, r.currency)}</Text>
            </Group>
          ))}
        </Stack>
      </Card>
      {canLedger ? <LedgerSection clientId={c.id} canWrite={canRemit} /> : null}
      <DocumentsPanel owner={{ clientId: c.id }} />
      <Modal opened={hasCases} onClose={() => setHasCases(false)} title={t('clients.delete')}>
        <Stack data-testid="client-has-cases">
          <Text>{t('errors.clients.has_cases')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setHasCases(false)}>{t('common.cancel')}</Button>
            {!c.archived ? <Button onClick={() => archive.mutate(true)} data-testid="client-archive-instead">{t('clients.archive_instead')}</Button> : null}
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
