// Instalment plans, office-wide: missed instalments at once after which a plan defaults, and which instalment carries the
// remainder. Partners change them (settings.update); a plan keeps the values in force when it was agreed.
import { Alert, Button, Card, Group, Loader, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { settingsSchema } from '../../../electron/contract/schemas';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useSettings } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';

const planForm = settingsSchema.pick({ planDefaultAfterMissed: true, planRemainderOn: true });
type PlanForm = z.input<typeof planForm>;

export function PlanSettingsCard({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const settings = useSettings();
  const form = useForm<PlanForm>({ resolver: zodResolver(planForm), defaultValues: { planDefaultAfterMissed: 2, planRemainderOn: 'last' } });

  useEffect(() => {
    if (settings.data) form.reset({ planDefaultAfterMissed: settings.data.planDefaultAfterMissed, planRemainderOn: settings.data.planRemainderOn });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: PlanForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, ['planDefaultAfterMissed', 'planRemainderOn']) === 0) notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });

  if (settings.isPending) return <Loader />;
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error, t)}</Alert>;

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="plan-settings">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={4}>{t('plans.settings_title')}</Title>
            <Text size="sm" c="dimmed">
              {t('plans.settings_explain')}
            </Text>
          </Stack>
          <Controller
            control={form.control}
            name="planDefaultAfterMissed"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('plans.settings_default_after')}
                description={t('plans.settings_default_after_explain', { min: fmt.number(1), max: fmt.number(12) })}
                min={1}
                max={12}
                allowDecimal={false}
                readOnly={!canEdit}
                maw={320}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={fieldMessage(fieldState.error?.message, t)}
                data-testid="plan-settings-default-after"
              />
            )}
          />
          <Controller
            control={form.control}
            name="planRemainderOn"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('plans.remainder')}
                </Text>
                <SegmentedControl
                  w="fit-content"
                  readOnly={!canEdit}
                  value={field.value}
                  onChange={(v) => field.onChange(v === 'first' ? 'first' : 'last')}
                  data={[
                    { value: 'last', label: t('plans.remainder_last') },
                    { value: 'first', label: t('plans.remainder_first') },
                  ]}
                  data-testid="plan-settings-remainder"
                />
              </Stack>
            )}
          />
          {canEdit ? (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="plan-settings-save">
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
