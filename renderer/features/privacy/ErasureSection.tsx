// Settings → Personal data (partners): the retention period (setting retentionYears) and the debtors and guarantors past
// it, oldest closing first (keyset pages with "load more"); each row opens the erasure dialog.
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEraser } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ErasureCandidate } from '../../../electron/contract/procedures/privacy';
import { settingsSchema } from '../../../electron/contract/schemas';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useSettings } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { privacyKeys, useErasureDue } from './api';
import { EraseDialog } from './EraseDialog';

const retentionForm = settingsSchema.pick({ retentionYears: true });
type RetentionForm = z.input<typeof retentionForm>;

function RetentionCard({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const form = useForm<RetentionForm>({ resolver: zodResolver(retentionForm) });
  useEffect(() => {
    if (settings.data) form.reset(retentionForm.parse(settings.data));
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: RetentionForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      // Who is due depends on the period.
      void queryClient.invalidateQueries({ queryKey: privacyKeys.all });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, ['retentionYears']) === 0) notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });
  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="retention-settings">
        <Stack gap="sm">
          <Title order={4}>{t('erasure.retention_title')}</Title>
          <Text size="sm" c="dimmed">
            {t('erasure.retention_explain')}
          </Text>
          <Group align="flex-end">
            <Controller
              control={form.control}
              name="retentionYears"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('erasure.retention_years')}
                  description={t('erasure.retention_hint')}
                  min={1}
                  max={30}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  error={fieldMessage(fieldState.error?.message, t)}
                  disabled={!canEdit}
                  w={220}
                  data-testid="retention-years"
                />
              )}
            />
            {canEdit ? (
              <Button type="submit" loading={save.isPending} data-testid="retention-save">
                {t('common.save')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DueCard(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const due = useErasureDue();
  const [erasing, setErasing] = useState<ErasureCandidate | null>(null);
  const rows = useMemo(() => (due.data?.pages ?? []).flatMap((p) => p.rows), [due.data]);
  const first = due.data?.pages[0];
  const n = first?.retentionYears ?? 0;
  // "10 years" in words that agree with the number (Arabic has six plural forms).
  const years = t(`erasure.years_${new Intl.PluralRules(i18n.language).select(n)}`, { n: fmt.number(n) });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('erasure.due_title')}</Title>
          {first && first.total > 0 ? (
            <Badge variant="light" color="gray" data-testid="due-total">
              {t('erasure.due_total', { n: fmt.number(first.total) })}
            </Badge>
          ) : null}
        </Group>
        {due.isError ? <Alert color="red">{errorMessage(due.error, t)}</Alert> : null}
        {due.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : null}
        {first && rows.length === 0 ? (
          <Text c="dimmed" data-testid="due-empty">
            {t('erasure.due_empty', { years })}
          </Text>
        ) : null}
        {rows.length > 0 ? (
          <>
            <Text size="sm" c="dimmed">
              {t('erasure.due_explain', { years })}
            </Text>
            <Table.ScrollContainer minWidth={760}>
              <Table striped withTableBorder data-testid="due-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('erasure.col_name')}</Table.Th>
                    <Table.Th>{t('erasure.col_id')}</Table.Th>
                    <Table.Th>{t('erasure.col_cases')}</Table.Th>
                    <Table.Th>{t('erasure.col_last_closed')}</Table.Th>
                    <Table.Th>{t('erasure.col_erasable_from')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.partyId} data-testid={`due-row-${r.partyId}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/debtors/${r.partyId}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <span className="nowrap-ltr">{r.nationalId || '—'}</span>
                      </Table.Td>
                      <Table.Td>{fmt.number(r.cases)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {fmt.dual(r.lastClosedOn)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {fmt.dual(r.erasableFrom)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" color="red" leftSection={<IconEraser size={14} />} onClick={() => setErasing(r)} data-testid="due-erase">
                          {t('erasure.erase_short')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {due.hasNextPage ? (
              <Group justify="center">
                <Button variant="default" loading={due.isFetchingNextPage} onClick={() => void due.fetchNextPage()} data-testid="due-more">
                  {t('erasure.load_more')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
      {erasing ? <EraseDialog partyId={erasing.partyId} name={erasing.name} onClose={() => setErasing(null)} /> : null}
    </Card>
  );
}

export function ErasureSection({ canEditRetention }: { canEditRetention: boolean }): React.JSX.Element {
  return (
    <Stack gap="lg" data-testid="erasure-section">
      <RetentionCard canEdit={canEditRetention} />
      <DueCard />
    </Stack>
  );
}
