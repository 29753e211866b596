// The case's facts: reference, client, status, claim components, dates, assignees, tags, court details, parties, warnings.
import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { StatusBadge } from '../../components/StageBadge';
import { PartyName } from '../../components/PartyName';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { messageParams } from './params';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

export function CaseWarnings({ detail }: { detail: CaseDetail }): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (detail.warnings.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="case-warnings">
      {detail.warnings.map((w) => (
        <Alert key={w.code} color="yellow" icon={<IconAlertTriangle />} data-warning={w.code}>
          {t(`case_warnings.${w.code}`, messageParams(w.params, t, fmt))}
        </Alert>
      ))}
    </Stack>
  );
}

export function CaseOverview({ detail }: { detail: CaseDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const date = (iso: string | null): string => (iso ? fmt.dual(iso) : '—');
  const court = detail.stage === 'litigation' || detail.stage === 'enforcement' || detail.court !== '' || detail.najizNumber !== '';

  return (
    <Card withBorder padding="lg" data-testid="case-overview">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('cases.client')}>
            <Anchor component={Link} to={`/clients/${detail.clientId}`}>
              {detail.clientName}
            </Anchor>
          </Fact>
          <Fact label={t('cases.client_reference')}>{detail.clientReference || '—'}</Fact>
          <Fact label={t('cases.status')}>
            <StatusBadge status={detail.status} />
          </Fact>
          <Fact label={t('cases.instrument')}>
            {t(`instruments.${detail.instrumentType}`)}
            {detail.instrumentNumber ? ` — ${detail.instrumentNumber}` : ''}
          </Fact>
          <Fact label={t('cases.instrument_issued_on')}>{date(detail.instrumentIssuedOn)}</Fact>
          <Fact label={t('cases.due_date')}>{date(detail.dueDate)}</Fact>
          <Fact label={t('cases.opened_on')}>{date(detail.openedOn)}</Fact>
          <Fact label={t('cases.stage_entered_on')}>{date(detail.stageEnteredOn)}</Fact>
          <Fact label={t('cases.next_action')}>{date(detail.nextActionOn)}</Fact>
          <Fact label={t('cases.notice_delivered_on')} testId="case-notice-delivered">
            {date(detail.noticeDeliveredOn)}
          </Fact>
          <Fact label={t('cases.demand_delivered_on')}>{date(detail.demandDeliveredOn)}</Fact>
          <Fact label={t('cases.lawyer')}>{detail.lawyerName ?? '—'}</Fact>
          <Fact label={t('cases.paralegal')}>{detail.paralegalName ?? '—'}</Fact>
          <Fact label={t('cases.tags')}>
            <Group gap={4}>
              {detail.tags.length === 0 ? '—' : detail.tags.map((tag) => <Badge key={tag} variant="outline" size="sm">{tag}</Badge>)}
            </Group>
          </Fact>
        </SimpleGrid>

        <Title order={5}>{t('cases.claim')}</Title>
        <Table withRowBorders={false} maw={420} data-testid="case-claim">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('cases.principal')}</Table.Td>
              <Table.Td>{money(detail.principalMinor, detail.currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('cases.costs')}</Table.Td>
              <Table.Td>{money(detail.costsMinor, detail.currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('cases.fees')}</Table.Td>
              <Table.Td>{money(detail.feesMinor, detail.currency)}</Table.Td>
            </Table.Tr>
            {detail.lateChargesMinor > 0 || detail.lateChargesAllowed ? (
              <Table.Tr data-testid="case-late-charges">
                <Table.Td>{t('cases.late_charges')}</Table.Td>
                <Table.Td>{money(detail.lateChargesMinor, detail.currency)}</Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr fw={700}>
              <Table.Td>{t('cases.claim_total')}</Table.Td>
              <Table.Td>{money(detail.claimMinor, detail.currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('payments.paid')}</Table.Td>
              <Table.Td>{money(detail.paidMinor, detail.currency)}</Table.Td>
            </Table.Tr>
            {detail.discountMinor !== 0 ? (
              <Table.Tr>
                <Table.Td>{t('cases.discount')}</Table.Td>
                <Table.Td>{money(detail.discountMinor, detail.currency)}</Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr fw={700}>
              <Table.Td>{t('payments.balance')}</Table.Td>
              <Table.Td data-testid="case-balance">{money(detail.claimMinor - detail.paidMinor - detail.discountMinor, detail.currency)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        {court ? (
          <>
            <Title order={5}>{t('cases.court_title')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
              <Fact label={t('cases.court')}>{detail.court || '—'}</Fact>
              <Fact label={t('cases.circuit')}>{detail.circuit || '—'}</Fact>
              <Fact label={t('cases.najiz_number')}>{detail.najizNumber || '—'}</Fact>
              <Fact label={t('cases.judge')}>{detail.judge || '—'}</Fact>
            </SimpleGrid>
          </>
        ) : null}

        <Title order={5}>{t('cases.parties')}</Title>
        <Stack gap={4} data-testid="case-parties">
          {detail.debtors.map((p) => (
            <Group key={`d${p.id}`} gap="xs">
              <Badge size="sm" variant="light">
                {t('cases.debtor')}
              </Badge>
              <Anchor component={Link} to={`/debtors/${p.id}`}>
                <PartyName name={p.name} />
              </Anchor>
              <Text size="xs" c="dimmed" className="nowrap-ltr">
                {p.nationalId || p.crNumber}
              </Text>
            </Group>
          ))}
          {detail.guarantors.map((p) => (
            <Group key={`g${p.id}`} gap="xs">
              <Badge size="sm" variant="light" color="grape">
                {t('cases.guarantor')}
              </Badge>
              <Anchor component={Link} to={`/debtors/${p.id}`}>
                <PartyName name={p.name} />
              </Anchor>
            </Group>
          ))}
        </Stack>
        {detail.notes ? (
          <Fact label={t('cases.notes')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.notes}
            </Text>
          </Fact>
        ) : null}
      </Stack>
    </Card>
  );
}
