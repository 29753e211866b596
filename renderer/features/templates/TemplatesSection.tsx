// Settings → Templates: every letter kind in Arabic and English, customised or default and who edited it last; one opens
// in the editor (?kind=…&lang=… in the URL, so Back and a reload keep it). Partners and lawyers edit (templates.write).
import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { isTemplateKind, isTemplateLang, TEMPLATE_LANGS } from '../../../electron/domain/template/kinds';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { isolate, useTemplateList } from './api';
import { TemplateEditor } from './TemplateEditor';

export interface TemplatesSectionProps {
  canEdit: boolean;
  /** Office-wide letter settings, shown under the list (not while a template is open). */
  settings?: React.ReactNode;
}

export function TemplatesSection({ canEdit, settings }: TemplatesSectionProps): React.JSX.Element {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const lang = params.get('lang') ?? '';
  if (isTemplateKind(kind) && isTemplateLang(lang)) {
    return <TemplateEditor kind={kind} lang={lang} canEdit={canEdit} onBack={() => setParams({})} />;
  }
  return (
    <Stack gap="lg">
      <TemplateList canEdit={canEdit} onOpen={(k, l) => setParams({ kind: k, lang: l })} />
      {settings}
    </Stack>
  );
}

function TemplateList({ canEdit, onOpen }: { canEdit: boolean; onOpen: (kind: TemplateKind, lang: Lang) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useTemplateList();
  if (list.isPending) return <Loader />;
  if (list.isError) return <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  const byKey = new Map(list.data.map((s) => [`${s.kind}:${s.lang}`, s]));

  return (
    <Card withBorder padding="lg" data-testid="templates-list">
      <Stack gap="sm">
        <Title order={4}>{t('templates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('templates.explain')}
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.col_kind')}</Table.Th>
                {TEMPLATE_LANGS.map((lang) => (
                  <Table.Th key={lang}>{t(`common.lang_${lang}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TEMPLATE_KINDS.map((kind) => (
                <Table.Tr key={kind} data-testid={`template-row-${kind}`}>
                  <Table.Td fw={600}>{t(`templates.kinds.${kind}`)}</Table.Td>
                  {TEMPLATE_LANGS.map((lang) => {
                    const s = byKey.get(`${kind}:${lang}`);
                    return (
                      <Table.Td key={lang} w="38%" data-testid={`template-cell-${kind}-${lang}`}>
                        <Group wrap="nowrap" gap="md" align="center">
                          <Stack gap={2} align="flex-start">
                            <Badge color={s?.customised ? 'teal' : 'gray'} variant="light" data-testid={`template-state-${kind}-${lang}`}>
                              {s?.customised ? t('templates.customised') : t('templates.default')}
                            </Badge>
                            {s?.updatedAt ? (
                              <Text size="xs" c="dimmed">
                                {t('templates.updated_by', { name: isolate(s.updatedByName), when: fmt.dateTimeDual(s.updatedAt) })}
                              </Text>
                            ) : null}
                          </Stack>
                          <Button size="xs" variant="light" onClick={() => onOpen(kind, lang)} data-testid={`template-open-${kind}-${lang}`}>
                            {canEdit ? t('templates.edit') : t('templates.view')}
                          </Button>
                        </Group>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
