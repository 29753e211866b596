// The mapping: each field and the file's column(s) feeding it, how dates read, defaults; and a preview of the first rows.
import { Group, MultiSelect, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportFile } from '../../../electron/contract/procedures/imports';
import { IMPORT_FIELDS, MULTI_COLUMN_FIELDS, REQUIRED_FIELDS, type ImportField, type ImportMapping } from '../../../electron/domain/import-values';
import { INSTRUMENT_TYPES, type InstrumentType } from '../../../electron/domain/ladder-config';
import { CURRENCY_CODES, type CurrencyCode } from '../../../electron/domain/money';

export interface MappingTableProps {
  file: ImportFile;
  mapping: ImportMapping;
  onChange: (m: ImportMapping) => void;
}

export function MappingTable({ file, mapping, onChange }: MappingTableProps): React.JSX.Element {
  const { t } = useTranslation();
  const options = file.headers.map((h) => ({ value: h, label: h }));
  const setColumns = (f: ImportField, cols: string[]): void => onChange({ ...mapping, columns: { ...mapping.columns, [f]: cols } });
  return (
    <Stack gap="md">
      <Title order={3}>{t('imports.mapping_title')}</Title>
      <Text size="sm" c="dimmed" data-testid="import-mapping-source">
        {file.mappingSaved ? t('imports.mapping_saved') : t('imports.mapping_guessed')}
      </Text>
      <Table withTableBorder verticalSpacing={4} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t('imports.field')}</Table.Th>
            <Table.Th>{t('imports.columns')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {IMPORT_FIELDS.map((f) => {
            const cols = mapping.columns[f] ?? [];
            const required = REQUIRED_FIELDS.includes(f);
            return (
              <Table.Tr key={f} data-testid={`map-${f}`}>
                <Table.Td>
                  <Text size="sm" fw={required ? 600 : 400}>
                    {t(`imports.fields.${f}`)}
                    {required ? ` (${t('imports.required')})` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {MULTI_COLUMN_FIELDS.includes(f) ? (
                    <MultiSelect
                      data={options}
                      value={cols}
                      onChange={(v) => setColumns(f, v)}
                      placeholder={cols.length === 0 ? t('imports.none') : undefined}
                      aria-label={t(`imports.fields.${f}`)}
                      clearable
                      comboboxProps={{ withinPortal: true }}
                      data-testid={`map-${f}-select`}
                    />
                  ) : (
                    <Select
                      data={options}
                      value={cols[0] ?? null}
                      onChange={(v) => setColumns(f, v ? [v] : [])}
                      placeholder={t('imports.none')}
                      aria-label={t(`imports.fields.${f}`)}
                      clearable
                      comboboxProps={{ withinPortal: true }}
                      data-testid={`map-${f}-select`}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label={t('imports.date_order')}
          data={(['dmy', 'mdy'] as const).map((o) => ({ value: o, label: t(`imports.date_orders.${o}`) }))}
          value={mapping.dateOrder}
          onChange={(v) => onChange({ ...mapping, dateOrder: v === 'mdy' ? 'mdy' : 'dmy' })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('imports.default_currency')}
          data={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          value={mapping.defaultCurrency}
          onChange={(v) => onChange({ ...mapping, defaultCurrency: (CURRENCY_CODES.find((c) => c === v) ?? 'SAR') satisfies CurrencyCode })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('imports.default_instrument')}
          data={INSTRUMENT_TYPES.map((i) => ({ value: i, label: t(`instruments.${i}`) }))}
          value={mapping.defaultInstrument}
          onChange={(v) => onChange({ ...mapping, defaultInstrument: (INSTRUMENT_TYPES.find((i) => i === v) ?? 'invoice') satisfies InstrumentType })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('imports.preview_title')}</Text>
        </Group>
        <ScrollArea type="auto">
          <Table striped withColumnBorders fz="xs" data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                {file.headers.map((h) => (
                  <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.preview.map((row, i) => (
                <Table.Tr key={i}>
                  {row.map((c, j) => (
                    <Table.Td key={j} dir="auto" style={{ whiteSpace: 'nowrap' }}>
                      {c}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    </Stack>
  );
}
