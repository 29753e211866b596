// Letters and documents, office-wide: the digits letters are printed with and the largest file a document may be.
// Partners change them (settings.update); everyone else sees them.
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

const letterForm = settingsSchema.pick({ letterDigits: true, documentMaxMb: true });
type LetterForm = z.input<typeof letterForm>;

export function LetterSettingsCard({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const settings = useSettings();
  const form = useForm<LetterForm>({
    resolver: zodResolver(letterForm),
    defaultValues: { letterDigits: 'western', documentMaxMb: 25 },
  });

  useEffect(() => {
    if (settings.data) form.reset({ letterDigits: settings.data.letterDigits, documentMaxMb: settings.data.documentMaxMb });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: LetterForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, ['letterDigits', 'documentMaxMb']) === 0) {
        notifications.show({ color: 'red', message: errorMessage(e, t) });
      }
    },
  });

  if (settings.isPending) return <Loader />;
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error, t)}</Alert>;

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="letter-settings">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={4}>{t('templates.letter_settings_title')}</Title>
            <Text size="sm" c="dimmed">
              {canEdit ? t('templates.letter_settings_explain') : t('templates.letter_settings_read_only')}
            </Text>
          </Stack>
          <Controller
            control={form.control}
            name="letterDigits"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('templates.letter_digits')}
                </Text>
                <SegmentedControl
                  w="fit-content"
                  readOnly={!canEdit}
                  value={field.value}
                  onChange={(v) => field.onChange(v === 'arabic' ? 'arabic' : 'western')}
                  data={[
                    { value: 'western', label: t('templates.digits_western') },
                    { value: 'arabic', label: t('templates.digits_arabic') },
                  ]}
                  data-testid="letter-digits"
                />
                <Text size="xs" c="dimmed">
                  {t('templates.letter_digits_explain')}
                </Text>
              </Stack>
            )}
          />
          <Controller
            control={form.control}
            name="documentMaxMb"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('templates.document_max_mb')}
                description={t('templates.document_max_mb_explain', { min: fmt.number(1), max: fmt.number(500) })}
                min={1}
                max={500}
                allowDecimal={false}
                readOnly={!canEdit}
                maw={320}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={fieldMessage(fieldState.error?.message, t)}
                data-testid="document-max-mb"
              />
            )}
          />
          {canEdit ? (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="letter-settings-save">
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
