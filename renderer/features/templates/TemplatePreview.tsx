// Live preview beside the editor: the real PDF of the unsaved text (templates.preview, ~400 ms after typing stops) for a chosen
// case or sample values, the fields this case would print empty, and how long the render took. Text with problems is not sent.
import { Alert, Card, Group, List, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateKind } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { fieldLabelKey } from '../../../electron/domain/template/fields';
import { validateTemplate } from '../../../electron/domain/template/validate';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { isolate, useTemplatePreview } from './api';

export const PREVIEW_DEBOUNCE_MS = 400;

export function TemplatePreview({ kind, lang, body }: { kind: TemplateKind; lang: Lang; body: string }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [caseId, setCaseId] = useState<number | null>(null);
  const [debounced] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const valid = useMemo(() => validateTemplate(debounced, kind).length === 0, [debounced, kind]);
  const preview = useTemplatePreview(kind, lang, debounced, caseId, valid);

  return (
    <Card withBorder padding="md" data-testid="template-preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={5}>{t('templates.preview_title')}</Title>
          <CasePicker value={caseId} onChange={setCaseId} />
        </Group>
        <Group gap="xs" mih={22}>
          {preview.isFetching ? <Loader size="xs" data-testid="template-preview-loading" /> : null}
          {preview.data ? (
            <Text size="xs" c="dimmed" data-testid="template-preview-ms">
              {t('templates.preview_ms', { ms: fmt.number(Math.max(1, Math.round(preview.data.ms))) })}
            </Text>
          ) : null}
        </Group>
        {valid ? null : (
          <Alert color="gray" variant="light" data-testid="template-preview-paused">
            {t('templates.preview_paused')}
          </Alert>
        )}
        {preview.isError ? (
          <Alert color="red" data-testid="template-preview-error">
            {errorMessage(preview.error, t)}
          </Alert>
        ) : null}
        {preview.data && preview.data.missing.length > 0 ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('templates.preview_missing_title')}
            data-testid="template-preview-missing"
          >
            <List size="sm">
              {preview.data.missing.map((path) => (
                <List.Item key={path}>{t('templates.preview_missing', { field: t(fieldLabelKey(path)) })}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {preview.data && preview.data.pdfBase64 !== '' ? <PdfFrame base64={preview.data.pdfBase64} title={t('templates.preview_pdf')} height={760} /> : null}
      </Stack>
    </Card>
  );
}

/** A case to preview with, found through the global search (reference, debtor name…); empty means sample values. */
function CasePicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: [...areaKeys.cases, 'template-preview-pick', debounced],
    queryFn: () => call('search.global', { query: debounced }),
    enabled: debounced.length > 0,
  });
  const options = (found.data?.cases ?? []).map((c) => ({ value: String(c.id), label: `${c.debtorName} — ${isolate(c.reference)}` }));
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={t('templates.preview_case')}
      placeholder={t('templates.preview_sample')}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosen(v && option ? { value: v, label: option.label } : null);
        onChange(v ? Number(v) : null);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length === 0 ? t('templates.preview_case_search') : found.isFetching ? t('common.loading') : t('common.nothing_found')}
      w={340}
      data-testid="template-preview-case"
    />
  );
}
