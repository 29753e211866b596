// What a dry run found: counts of cases and debtors to create or match, and every failing row with its column and reason.
import { Alert, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ImportDryRun } from '../../../electron/contract/procedures/imports';
import { useFormat } from '../../i18n/useFormat';

function Figure({ label, value, testId, color }: { label: string; value: string; testId: string; color?: string }): React.JSX.Element {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

export interface DryRunResultProps {
  dry: ImportDryRun;
  onRejected: (format: ExportFormat) => void;
  rejectedBusy: boolean;
}

export function DryRunResult({ dry, onRejected, rejectedBusy }: DryRunResultProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const n = (v: number): string => fmt.number(v);
  return (
    <Stack gap="md" data-testid="import-dry-run">
      <Title order={3}>{t('imports.dry_run_title')}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('imports.rows_total')} value={n(dry.rows)} testId="dry-rows" />
        <Figure label={t('imports.valid')} value={n(dry.valid)} testId="dry-valid" color="green" />
        <Figure label={t('imports.problem_rows')} value={n(dry.problemRows)} testId="dry-problems" color={dry.problemRows > 0 ? 'red' : undefined} />
        <Figure label={t('imports.cases_create')} value={n(dry.cases.create)} testId="dry-cases-create" />
        <Figure label={t('imports.cases_matched')} value={n(dry.cases.matched)} testId="dry-cases-matched" />
        <Figure label={t('imports.debtors_create')} value={n(dry.debtors.create)} testId="dry-debtors-create" />
        <Figure label={t('imports.debtors_matched')} value={n(dry.debtors.matched)} testId="dry-debtors-matched" />
      </SimpleGrid>
      {dry.problems.length === 0 ? (
        <Alert color="green">{t('imports.no_problems')}</Alert>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t('imports.problems_title')}</Text>
            <Group gap="xs">
              {(['xlsx', 'csv'] as const).map((f) => (
                <Button
                  key={f}
                  size="xs"
                  variant="light"
                  loading={rejectedBusy}
                  leftSection={f === 'xlsx' ? <IconFileSpreadsheet size={14} /> : <IconFileText size={14} />}
                  onClick={() => onRejected(f)}
                  data-testid={`import-rejected-${f}`}
                >
                  {t('imports.export_rejected', { format: f.toUpperCase() })}
                </Button>
              ))}
            </Group>
          </Group>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table striped withTableBorder fz="sm" data-testid="import-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('imports.problem_line')}</Table.Th>
                  <Table.Th w="30%">{t('imports.problem_column')}</Table.Th>
                  <Table.Th>{t('imports.problem_reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dry.problems.map((p, i) => (
                  <Table.Tr key={i} data-testid="import-problem" data-line={p.line} data-code={p.code}>
                    <Table.Td>{n(p.line)}</Table.Td>
                    <Table.Td>{p.column || t('imports.none')}</Table.Td>
                    <Table.Td>
                      {t(`imports.problems.${p.code}`)}
                      {p.detail ? ` ${/^\d+$/.test(p.detail) ? n(Number(p.detail)) : p.detail}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {dry.problems.length < dry.problemRows ? (
            <Text size="xs" c="dimmed">
              {t('imports.problems_more', { shown: n(dry.problems.length) })}
            </Text>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
