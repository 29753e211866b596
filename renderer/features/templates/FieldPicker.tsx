// The placeholder picker: the kind's fields grouped (office, client, debtor…) with translated labels and their paths, a format
// for money and dates, and Insert, which puts `{{path | format}}` at the editor's cursor (a yes/no field becomes a condition).
import { Button, Code, Group, isOptionsGroup, SegmentedControl, Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { IconCodePlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail } from '../../../electron/contract/procedures/letters';
import { matchesSearch } from '../../../electron/domain/arabic-text';
import { fieldLabelKey } from '../../../electron/domain/template/fields';
import { FIELD_GROUPS } from '../../../electron/domain/template/kinds';
import { formatsFor, placeholderText } from './editorText';

export interface FieldPickerProps {
  fields: TemplateDetail['fields'];
  /** Insert the text at the cursor; the cursor ends `caretBack` characters before its end. */
  onInsert: (text: string, caretBack: number) => void;
}

// Search the translated label, the path and the group alike: "اسم المدين", "debtor.name" and "المدين" all find the debtor's name.
const filterOptions: OptionsFilter = ({ options, search }) => {
  if (search.trim() === '') return options;
  const match = (item: ComboboxItem): boolean => matchesSearch(`${item.label} ${item.value}`, search);
  return options
    .map((o) => (isOptionsGroup(o) ? { ...o, items: typeof o.group === 'string' && matchesSearch(o.group, search) ? o.items : o.items.filter(match) } : o))
    .filter((o) => (isOptionsGroup(o) ? o.items.length > 0 : match(o)));
};

export function FieldPicker({ fields, onInsert }: FieldPickerProps): React.JSX.Element {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | null>(null);
  const [format, setFormat] = useState<string>('plain');
  const byPath = useMemo(() => new Map(fields.map((f) => [f.path, f])), [fields]);
  const data = useMemo(
    () =>
      FIELD_GROUPS.map((group) => ({
        group: t(`templates.groups.${group}`),
        items: fields.filter((f) => f.group === group).map((f) => ({ value: f.path, label: t(fieldLabelKey(f.path)) })),
      })).filter((g) => g.items.length > 0),
    [fields, t],
  );
  const field = path ? byPath.get(path) : undefined;
  const formats = field ? formatsFor(field.type) : [];

  const insert = (): void => {
    if (!field) return;
    if (field.type === 'boolean') {
      const close = '{{/if}}';
      onInsert(`{{#if ${field.path}}}${close}`, close.length);
      return;
    }
    const chosen = formats.find((f) => f === format) ?? formats[0] ?? 'plain';
    onInsert(placeholderText(field.path, chosen), 0);
  };

  return (
    <Stack gap={6} data-testid="template-field-picker">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('templates.field')}
          placeholder={t('templates.field_search')}
          data={data}
          value={path}
          onChange={(v) => {
            setPath(v);
            const next = v ? byPath.get(v) : undefined;
            setFormat(next ? (formatsFor(next.type)[0] ?? 'plain') : 'plain');
          }}
          searchable
          clearable
          filter={filterOptions}
          maxDropdownHeight={360}
          nothingFoundMessage={t('common.nothing_found')}
          w={300}
          comboboxProps={{ width: 360 }}
          renderOption={({ option }) => (
            <Group gap="xs" justify="space-between" wrap="nowrap" w="100%" data-testid={`field-option-${option.value}`}>
              <Text size="sm">{option.label}</Text>
              <Text size="xs" c="dimmed" ff="monospace" dir="ltr" className="nowrap-ltr">
                {option.value}
              </Text>
            </Group>
          )}
          data-testid="template-field-select"
        />
        {formats.length > 1 ? (
          <SegmentedControl
            size="sm"
            value={format}
            onChange={setFormat}
            data={formats.map((f) => ({ value: f, label: t(`templates.filters.${f}`) }))}
            aria-label={t('templates.format')}
            data-testid="template-format"
          />
        ) : null}
        <Button variant="light" leftSection={<IconCodePlus size={16} />} disabled={!field} onClick={insert} data-testid="template-insert">
          {t('templates.insert')}
        </Button>
      </Group>
      {field ? (
        <Text size="xs" c="dimmed">
          <Code dir="ltr" data-testid="template-insert-preview">
            {field.type === 'boolean' ? `{{#if ${field.path}}}…{{/if}}` : placeholderText(field.path, formats.find((f) => f === format) ?? 'plain')}
          </Code>
        </Text>
      ) : null}
    </Stack>
  );
}
