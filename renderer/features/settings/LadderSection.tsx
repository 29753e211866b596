// The stage ladder (ladder.get / ladder.update): stages, statutory periods, limitation, the note cutoff, weekend and
// holidays. Partners edit it (settings.write) and see the domain's problems before saving; everyone else reads it.
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LADDER, validateLadderConfig, type LadderConfig } from '../../../electron/domain/ladder';
import { isIsoDate } from '../../../electron/domain/dates';
import { call, fieldIssues } from '../../api/client';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { LadderStagesTable } from './LadderStagesTable';
import { ladderKey, numberValue, PERIOD_KEYS, toForm, useLadder, WEEKDAYS, type LadderForm, type LadderFormApi } from './ladderForm';

export function LadderSection({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ladder = useLadder();
  const form = useForm<LadderForm>({ defaultValues: toForm(DEFAULT_LADDER) });
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (ladder.data) form.reset(toForm(ladder.data));
  }, [ladder.data, form]);

  const save = useMutation({
    mutationFn: (values: LadderConfig) => call('ladder.update', { ladder: values }),
    onSuccess: (saved) => {
      setProblems([]);
      queryClient.setQueryData(ladderKey, saved);
      // Every open case's escalation date moved with the ladder.
      void queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      const issues = fieldIssues(e).map((i) => i.message);
      if (issues.length > 0) setProblems(issues);
      else notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });

  const submit = (values: LadderForm): void => {
    const found = validateLadderConfig(values);
    setProblems(found);
    if (found.length === 0) save.mutate(values);
  };

  const restoreDefaults = (): void => {
    // Into the form only: nothing changes until the partner saves.
    form.reset(toForm(DEFAULT_LADDER), { keepDefaultValues: true });
    setProblems([]);
    notifications.show({ color: 'blue', message: t('ladder.defaults_filled') });
  };

  if (ladder.isPending) return <Loader />;
  if (ladder.isError) return <Alert color="red">{errorMessage(ladder.error, t)}</Alert>;

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate data-testid="ladder-form">
      <Stack gap="lg">
        {canEdit ? null : (
          <Alert color="gray" variant="light" data-testid="ladder-read-only">
            {t('ladder.read_only')}
          </Alert>
        )}
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={4}>{t('ladder.stages_title')}</Title>
            <Text size="sm" c="dimmed">
              {t('ladder.stages_explain')}
            </Text>
            <LadderStagesTable form={form} canEdit={canEdit} />
          </Stack>
        </Card>
        <PeriodsCard form={form} canEdit={canEdit} />
        <CalendarCard form={form} canEdit={canEdit} />
        {problems.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('ladder.problems_title')} data-testid="ladder-problems">
            <List size="sm" dir="ltr">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {canEdit ? (
          <Card withBorder padding="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" c="dimmed" flex={1} miw={240}>
                {t('ladder.save_note')}
              </Text>
              <Group gap="sm">
                <Button variant="default" leftSection={<IconRestore size={16} />} onClick={restoreDefaults} data-testid="ladder-defaults">
                  {t('ladder.restore_defaults')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="ladder-save">
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          </Card>
        ) : null}
      </Stack>
    </form>
  );
}

function PeriodsCard({ form, canEdit }: { form: LadderFormApi; canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const days = (
    name: 'limitationYears' | 'limitationWarnDays' | 'noteTransitionDays',
    label: string,
  ): React.JSX.Element => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          allowDecimal={false}
          readOnly={!canEdit}
          value={field.value}
          onChange={(v) => field.onChange(numberValue(v))}
          onBlur={field.onBlur}
          data-testid={`ladder-${name}`}
        />
      )}
    />
  );

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={4}>{t('ladder.periods_title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {PERIOD_KEYS.map((key) => (
            <Stack key={key} gap={6} data-testid={`ladder-period-${key}`}>
              <Text size="sm" fw={500}>
                {t(`ladder.period_${key}`)}
              </Text>
              <Group gap="sm" wrap="nowrap" align="center">
                <Controller
                  control={form.control}
                  name={`${key}.days`}
                  render={({ field }) => (
                    <NumberInput
                      w={110}
                      aria-label={t('ladder.days')}
                      allowDecimal={false}
                      readOnly={!canEdit}
                      value={field.value}
                      onChange={(v) => field.onChange(numberValue(v))}
                      onBlur={field.onBlur}
                      data-testid={`ladder-${key}-days`}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name={`${key}.unit`}
                  render={({ field }) => (
                    <SegmentedControl
                      readOnly={!canEdit}
                      value={field.value}
                      onChange={(v) => field.onChange(v === 'working' ? 'working' : 'calendar')}
                      data={[
                        { value: 'calendar', label: t('ladder.unit_calendar') },
                        { value: 'working', label: t('ladder.unit_working') },
                      ]}
                      data-testid={`ladder-${key}-unit`}
                    />
                  )}
                />
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {days('limitationYears', t('ladder.limitation_years'))}
          {days('limitationWarnDays', t('ladder.limitation_warn_days'))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Controller
            control={form.control}
            name="noteRegistrationCutoff"
            render={({ field }) =>
              canEdit ? (
                <DateField label={t('ladder.note_cutoff')} value={field.value} onChange={field.onChange} testId="ladder-noteRegistrationCutoff" />
              ) : (
                <ReadOnlyDate label={t('ladder.note_cutoff')} iso={field.value} />
              )
            }
          />
          {days('noteTransitionDays', t('ladder.note_transition_days'))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function ReadOnlyDate({ label, iso }: { label: string; iso: string }): React.JSX.Element {
  const fmt = useFormat();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm">{isIsoDate(iso) ? fmt.dual(iso) : iso}</Text>
    </Stack>
  );
}

function CalendarCard({ form, canEdit }: { form: LadderFormApi; canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [newHoliday, setNewHoliday] = useState('');

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={4}>{t('ladder.calendar_title')}</Title>
        <Text size="sm" c="dimmed">
          {t('ladder.calendar_explain')}
        </Text>
        <Controller
          control={form.control}
          name="weekend"
          render={({ field }) => (
            <Checkbox.Group
              label={t('ladder.weekend')}
              readOnly={!canEdit}
              value={field.value.map(String)}
              onChange={(v) => field.onChange(v.map(Number).sort((a, b) => a - b))}
              data-testid="ladder-weekend"
            >
              <Group gap="md" mt={6}>
                {WEEKDAYS.map((d) => (
                  <Checkbox key={d} value={String(d)} label={t(`ladder.weekday_${d}`)} data-testid={`ladder-weekday-${d}`} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="holidays"
          render={({ field }) => {
            const add = (): void => {
              if (!isIsoDate(newHoliday) || field.value.includes(newHoliday)) return;
              field.onChange([...field.value, newHoliday].sort());
              setNewHoliday('');
            };
            return (
              <Stack gap="xs" data-testid="ladder-holidays">
                <Text size="sm" fw={500}>
                  {t('ladder.holidays')}
                </Text>
                {field.value.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('ladder.no_holidays')}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {field.value.map((d) => (
                      <Group key={d} gap="sm" wrap="nowrap" data-testid={`ladder-holiday-${d}`}>
                        <Text size="sm" dir="ltr" ff="monospace">
                          {d}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {isIsoDate(d) ? fmt.dual(d) : null}
                        </Text>
                        {canEdit ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => field.onChange(field.value.filter((x) => x !== d))}
                            aria-label={t('common.remove')}
                            data-testid={`ladder-holiday-remove-${d}`}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        ) : null}
                      </Group>
                    ))}
                  </Stack>
                )}
                {canEdit ? (
                  <Group align="flex-end" gap="sm">
                    <DateField label={t('ladder.holiday_date')} value={newHoliday} onChange={setNewHoliday} testId="ladder-holiday-input" />
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={14} />}
                      onClick={add}
                      data-testid="ladder-holiday-add"
                    >
                      {t('ladder.add_holiday')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            );
          }}
        />
      </Stack>
    </Card>
  );
}
