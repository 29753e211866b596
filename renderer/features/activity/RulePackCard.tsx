// The SAMA pack's figures, office-wide: call attempts per window, contact hours and days. Partners change them.
import { Alert, Button, Card, Checkbox, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { settingsSchema, type Settings } from '../../../electron/contract/schemas';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useSettings } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';

const packForm = settingsSchema
  .pick({
    samaCallAttempts: true,
    samaWindowDays: true,
    samaHoursFrom: true,
    samaHoursTo: true,
    samaWorkingDays: true,
    samaSaturdayAllowed: true,
  })
  // HH:MM strings compare as times.
  .refine((v) => v.samaHoursFrom < v.samaHoursTo, { path: ['samaHoursTo'], message: 'validation.hours_order' });
type PackForm = z.input<typeof packForm>;
const FIELDS = ['samaCallAttempts', 'samaWindowDays', 'samaHoursFrom', 'samaHoursTo', 'samaWorkingDays', 'samaSaturdayAllowed'] as const;

// Saturday has its own switch; Friday can still be ticked by an office that contacts on it.
const DAYS = [0, 1, 2, 3, 4, 5] as const;

function pick(s: Settings): PackForm {
  return {
    samaCallAttempts: s.samaCallAttempts,
    samaWindowDays: s.samaWindowDays,
    samaHoursFrom: s.samaHoursFrom,
    samaHoursTo: s.samaHoursTo,
    samaWorkingDays: s.samaWorkingDays,
    samaSaturdayAllowed: s.samaSaturdayAllowed,
  };
}

export function RulePackCard({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const form = useForm<PackForm>({
    resolver: zodResolver(packForm),
    defaultValues: { samaCallAttempts: 10, samaWindowDays: 30, samaHoursFrom: '08:00', samaHoursTo: '20:00', samaWorkingDays: [0, 1, 2, 3, 4], samaSaturdayAllowed: false },
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (settings.data) form.reset(pick(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: PackForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['activity'] });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, FIELDS) === 0) notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });

  if (settings.isPending) return <Loader />;
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error, t)}</Alert>;

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="rule-pack-settings">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={4}>{t('activity.pack.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('activity.pack.explain')}
            </Text>
            {canEdit ? null : (
              <Text size="sm" c="dimmed">
                {t('activity.pack.read_only')}
              </Text>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Controller
              control={form.control}
              name="samaCallAttempts"
              render={({ field }) => (
                <NumberInput
                  label={t('activity.pack.call_attempts')}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  readOnly={!canEdit}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  error={fieldMessage(errors.samaCallAttempts?.message, t)}
                  data-testid="pack-call-attempts"
                />
              )}
            />
            <Controller
              control={form.control}
              name="samaWindowDays"
              render={({ field }) => (
                <NumberInput
                  label={t('activity.pack.window_days')}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  readOnly={!canEdit}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  error={fieldMessage(errors.samaWindowDays?.message, t)}
                  data-testid="pack-window-days"
                />
              )}
            />
            <TextInput
              label={t('activity.pack.hours_from')}
              dir="ltr"
              readOnly={!canEdit}
              {...form.register('samaHoursFrom')}
              error={fieldMessage(errors.samaHoursFrom?.message, t)}
              data-testid="pack-hours-from"
            />
            <TextInput
              label={t('activity.pack.hours_to')}
              dir="ltr"
              readOnly={!canEdit}
              {...form.register('samaHoursTo')}
              error={fieldMessage(errors.samaHoursTo?.message, t)}
              data-testid="pack-hours-to"
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="samaWorkingDays"
            render={({ field }) => (
              <Checkbox.Group
                label={t('activity.pack.working_days')}
                value={field.value.map(String)}
                onChange={(v) => (canEdit ? field.onChange(v.map(Number).sort((a, b) => a - b)) : undefined)}
                data-testid="pack-working-days"
              >
                <Group gap="md" mt={4}>
                  {DAYS.map((d) => (
                    <Checkbox key={d} value={String(d)} label={t(`ladder.weekday_${d}`)} disabled={!canEdit} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="samaSaturdayAllowed"
            render={({ field }) => (
              <Switch
                label={t('activity.pack.saturday_allowed')}
                checked={field.value}
                disabled={!canEdit}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                data-testid="pack-saturday"
              />
            )}
          />
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="pack-save">
                {t('activity.pack.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
