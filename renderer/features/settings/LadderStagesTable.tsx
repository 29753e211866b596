// The ladder's stages: names and next actions in both languages and the day offset; only the friendly stages move.
import { ActionIcon, Group, NumberInput, ScrollArea, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REORDERABLE_STAGES, type Stage } from '../../../electron/domain/ladder';
import { numberValue, type LadderFormApi } from './ladderForm';

const movable = (s: Stage | undefined): boolean => s !== undefined && REORDERABLE_STAGES.includes(s);

export function LadderStagesTable({ form, canEdit }: { form: LadderFormApi; canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { fields, move } = useFieldArray({ control: form.control, name: 'stages' });

  return (
    <ScrollArea>
      <Table verticalSpacing="xs" miw={860} data-testid="ladder-stages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('ladder.stage')}</Table.Th>
            <Table.Th w={220}>{t('ladder.stage_name')}</Table.Th>
            <Table.Th w={110}>{t('ladder.day_offset')}</Table.Th>
            <Table.Th>{t('ladder.next_action')}</Table.Th>
            {canEdit ? <Table.Th w={80}>{t('ladder.order')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f, i) => {
            const up = canEdit && movable(f.stage) && movable(fields[i - 1]?.stage);
            const down = canEdit && movable(f.stage) && movable(fields[i + 1]?.stage);
            return (
              <Table.Tr key={f.id} data-testid={`ladder-stage-${f.stage}`}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {t(`stages.${f.stage}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    dir="rtl"
                    aria-label={t('ladder.name_ar')}
                    placeholder={t('ladder.name_ar')}
                    readOnly={!canEdit}
                    {...form.register(`stages.${i}.nameAr`)}
                    data-testid={`ladder-${f.stage}-nameAr`}
                  />
                  <TextInput
                    size="xs"
                    mt={6}
                    dir="ltr"
                    aria-label={t('ladder.name_en')}
                    placeholder={t('ladder.name_en')}
                    readOnly={!canEdit}
                    {...form.register(`stages.${i}.nameEn`)}
                    data-testid={`ladder-${f.stage}-nameEn`}
                  />
                </Table.Td>
                <Table.Td>
                  <Controller
                    control={form.control}
                    name={`stages.${i}.dayOffset`}
                    render={({ field }) => (
                      <NumberInput
                        size="xs"
                        aria-label={t('ladder.day_offset')}
                        allowDecimal={false}
                        readOnly={!canEdit}
                        value={field.value}
                        onChange={(v) => field.onChange(numberValue(v))}
                        onBlur={field.onBlur}
                        data-testid={`ladder-${f.stage}-dayOffset`}
                      />
                    )}
                  />
                </Table.Td>
                <Table.Td>
                  <Textarea
                    size="xs"
                    dir="rtl"
                    autosize
                    minRows={1}
                    aria-label={t('ladder.next_action_ar')}
                    placeholder={t('ladder.next_action_ar')}
                    readOnly={!canEdit}
                    {...form.register(`stages.${i}.nextActionAr`)}
                    data-testid={`ladder-${f.stage}-nextActionAr`}
                  />
                  <Textarea
                    size="xs"
                    mt={6}
                    dir="ltr"
                    autosize
                    minRows={1}
                    aria-label={t('ladder.next_action_en')}
                    placeholder={t('ladder.next_action_en')}
                    readOnly={!canEdit}
                    {...form.register(`stages.${i}.nextActionEn`)}
                    data-testid={`ladder-${f.stage}-nextActionEn`}
                  />
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    {movable(f.stage) ? (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          disabled={!up}
                          onClick={() => move(i, i - 1)}
                          aria-label={t('ladder.move_up')}
                          data-testid={`ladder-${f.stage}-up`}
                        >
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={!down}
                          onClick={() => move(i, i + 1)}
                          aria-label={t('ladder.move_down')}
                          data-testid={`ladder-${f.stage}-down`}
                        >
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('ladder.fixed')}
                      </Text>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
