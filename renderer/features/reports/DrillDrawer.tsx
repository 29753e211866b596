// The cases behind a figure (reports.drill): their total equals the figure; a row opens the case.
import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportFilter } from '../../../electron/contract/procedures/reports';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { StageBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { useDrill } from './api';
import type { Drilled } from './FigureTable';

export function DrillDrawer({ filter, drilled, onClose }: { filter: ReportFilter; drilled: Drilled | null; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const drill = useDrill(filter, drilled?.spec ?? null);
  const pages = drill.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.rows);
  const total = pages[0]?.total;
  const amountFigure = total?.currency !== null && total?.currency !== undefined;
  const contribution = (v: number, currency: string): string => (amountFigure ? money(v, currency) : fmt.number(v));

  return (
    <Drawer opened={drilled !== null} onClose={onClose} position="right" size="xl" title={t('reports.drill.title')} data-testid="drill-drawer">
      {drilled ? (
        <Stack gap="sm">
          <Text fw={600} data-testid="drill-figure">
            {t('reports.drill.figure', { label: drilled.label, value: drilled.display })}
          </Text>
          {drill.isPending ? <Loader size="sm" /> : null}
          {drill.isError ? <Alert color="red">{errorMessage(drill.error, t)}</Alert> : null}
          {total ? (
            <Text size="sm" c="dimmed" data-testid="drill-total">
              {t('reports.drill.total', {
                n: fmt.number(total.cases),
                value: total.currency ? money(total.value, total.currency) : fmt.number(total.value),
              })}
            </Text>
          ) : null}
          {drill.isSuccess && rows.length === 0 ? <Text c="dimmed">{t('reports.drill.empty')}</Text> : null}
          {rows.length > 0 ? (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover withTableBorder data-testid="drill-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.col.reference')}</Table.Th>
                    <Table.Th>{t('reports.col.debtor')}</Table.Th>
                    <Table.Th>{t('reports.col.client')}</Table.Th>
                    <Table.Th>{t('reports.col.stage')}</Table.Th>
                    <Table.Th style={{ textAlign: 'end' }}>{t('reports.col.balance')}</Table.Th>
                    <Table.Th style={{ textAlign: 'end' }}>{t('reports.drill.contribution')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.caseId} data-testid="drill-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Link to={`/cases/${r.caseId}`} aria-label={t('reports.drill.open')} data-testid="drill-open">
                          <span dir="ltr">{r.reference}</span>
                        </Link>
                      </Table.Td>
                      <Table.Td><PartyName name={r.debtorName} /></Table.Td>
                      <Table.Td>{r.clientName}</Table.Td>
                      {/* The badge's label would otherwise shrink to an ellipsis in the table's automatic layout. */}
                      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                        <StageBadge stage={r.stage} size="xs" />
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} dir="ltr">
                        {money(r.balanceMinor, r.currency)}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} dir="ltr">
                        {contribution(r.contribution, r.currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {drill.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void drill.fetchNextPage()} loading={drill.isFetchingNextPage} data-testid="drill-more">
                {t('reports.drill.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
