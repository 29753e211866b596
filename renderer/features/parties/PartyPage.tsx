// One debtor or guarantor: identity, contacts, national address, and all its cases across clients.
import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconEraser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { StageBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { useParty } from '../cases/api';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { EraseButton } from '../privacy/EraseButton';
import { erasedDate } from '../privacy/EraseDialog';
import { PersonalDataButton } from './PersonalDataButton';

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

export function PartyPage({ canWrite, canExportPersonalData = false }: { canWrite: boolean; canExportPersonalData?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const fmt = useFormat();
  const party = useParty(Number(useParams().id));
  if (party.isPending) return <Loader />;
  if (party.isError) return <Alert color="red">{errorMessage(party.error, t)}</Alert>;
  const p = party.data;
  const a = p.address;
  const address = [a.buildingNo, a.street, a.district, a.city, a.postalCode, a.additionalNo].filter(Boolean).join('، ');

  return (
    <Stack gap="md" data-testid="party-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2} data-testid="party-title">
            <PartyName name={p.name} />
          </Title>
          <Badge variant="light">{t(`parties.kind_${p.kind}`)}</Badge>
          {p.erasedAt ? (
            <Badge color="gray" leftSection={<IconEraser size={12} />} data-testid="party-erased-badge">
              {t('erasure.erased_badge')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {canExportPersonalData && !p.erasedAt ? <PersonalDataButton partyId={p.id} /> : null}
          {canExportPersonalData ? <EraseButton partyId={p.id} name={p.name} erased={p.erasedAt !== null} /> : null}
          {canWrite && !p.erasedAt ? (
            <Button component={Link} to={`/debtors/${p.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="party-edit">
              {t('parties.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {p.erasedAt ? (
        <Alert color="gray" icon={<IconEraser size={18} />} data-testid="party-erased">
          {t('erasure.erased_notice', { date: erasedDate(fmt, p.erasedAt) })}
        </Alert>
      ) : (
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Fact label={t('parties.name_en')}>{p.nameEn}</Fact>
            <Fact label={p.kind === 'person' ? t('parties.national_id') : t('parties.cr_number')}>
              <span className="nowrap-ltr">{p.kind === 'person' ? p.nationalId : p.crNumber}</span>
            </Fact>
            {p.kind === 'company' ? <Fact label={t('parties.vat_number')}>{p.vatNumber}</Fact> : null}
            <Fact label={t('parties.phones')}>
              <span className="nowrap-ltr">{p.phones.join(', ')}</span>
            </Fact>
            <Fact label={t('parties.emails')}>
              <span className="nowrap-ltr">{p.emails.join(', ')}</span>
            </Fact>
            <Fact label={t('parties.employer')}>{p.employer}</Fact>
            <Fact label={t('parties.address')}>{address}</Fact>
            <Fact label={t('parties.notes')}>{p.notes}</Fact>
          </SimpleGrid>
        </Card>
      )}
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('parties.cases')}</Title>
          {p.cases.length === 0 ? (
            <Text c="dimmed">{t('parties.no_cases')}</Text>
          ) : (
            <Table data-testid="party-cases">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.reference')}</Table.Th>
                  <Table.Th>{t('cases.client')}</Table.Th>
                  <Table.Th>{t('parties.role')}</Table.Th>
                  <Table.Th>{t('cases.stage')}</Table.Th>
                  <Table.Th>{t('cases.claim')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.cases.map((c) => (
                  <Table.Tr key={`${c.caseId}-${c.role}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${c.caseId}`} className="nowrap-ltr">
                        {c.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.clientName}</Table.Td>
                    <Table.Td>{t(`cases.${c.role}`)}</Table.Td>
                    <Table.Td>
                      <StageBadge stage={c.stage} />
                    </Table.Td>
                    <Table.Td>{money(c.claimMinor, c.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      {p.erasedAt ? null : <DocumentsPanel owner={{ partyId: p.id }} />}
    </Stack>
  );
}
