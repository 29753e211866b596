// Idle-lock minutes: partners change it (settings.update); everyone else sees it.
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { settingsSchema } from '../../../electron/contract/schemas';
import { sessionUpdated } from '../../api/auth-store';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useSettings } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';

const idleForm = settingsSchema.pick({ idleLockMinutes: true });
type IdleForm = z.input<typeof idleForm>;

export function IdleLockCard({ session, canEdit }: { session: SessionInfo; canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const form = useForm<IdleForm>({
    resolver: zodResolver(idleForm),
    defaultValues: { idleLockMinutes: session.idleLockMinutes },
  });

  useEffect(() => {
    if (settings.data) form.reset({ idleLockMinutes: settings.data.idleLockMinutes });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: IdleForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      sessionUpdated({ ...session, idleLockMinutes: saved.idleLockMinutes });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, ['idleLockMinutes']) === 0) {
        notifications.show({ color: 'red', message: errorMessage(e, t) });
      }
    },
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="idle-lock">
        <Stack gap="sm" maw={420}>
          <Title order={4}>{t('security.idle_title')}</Title>
          <Text size="sm" c="dimmed">
            {t('security.idle_explain')}
          </Text>
          <Controller
            control={form.control}
            name="idleLockMinutes"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('security.idle_minutes')}
                min={1}
                max={240}
                allowDecimal={false}
                readOnly={!canEdit}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={fieldMessage(fieldState.error?.message, t)}
                data-testid="idle-minutes"
              />
            )}
          />
          {canEdit ? (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="idle-save">
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
