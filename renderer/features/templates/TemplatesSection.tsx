// Settings → Templates: every letter kind in Arabic and English, customised or default and who edited it last; one opens
// in the editor (?kind=…&lang=… in the URL, so Back and a reload keep it). Partners and lawyers edit (templates.write).
import { Alert, Badge, Button, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { isTemplateKind, isTemplateLang, TEMPLATE_LANGS } from '../../../electron/domain/template/kinds';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useTemplateList } from './api';
import { TemplateEditor } from './TemplateEditor';

export interface TemplatesSectionProps {
  canEdit: boolean;
  /** Office-wide letter settings, shown above the list (not while a template is open). */
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
      {settings}
      <TemplateList canEdit={canEdit} onOpen={(k, l) => setParams({ kind: k, lang: l })} />
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
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.col_kind')}</Table.Th>
                <Table.Th>{t('templates.col_lang')}</Table.Th>
                <Table.Th>{t('templates.col_state')}</Table.Th>
                <Table.Th>{t('templates.col_updated')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TEMPLATE_KINDS.flatMap((kind) =>
                TEMPLATE_LANGS.map((lang, i) => {
                  const s = byKey.get(`${kind}:${lang}`);
                  return (
                    <Table.Tr key={`${kind}-${lang}`} data-testid={`template-row-${kind}-${lang}`}>
                      <Table.Td fw={i === 0 ? 600 : undefined} c={i === 0 ? undefined : 'dimmed'}>
                        {t(`templates.kinds.${kind}`)}
                      </Table.Td>
                      <Table.Td>{t(`common.lang_${lang}`)}</Table.Td>
                      <Table.Td>
                        <Badge color={s?.customised ? 'teal' : 'gray'} variant="light" data-testid={`template-state-${kind}-${lang}`}>
                          {s?.customised ? t('templates.customised') : t('templates.default')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {s?.updatedAt ? t('templates.updated_by', { name: s.updatedByName, when: fmt.dateTimeDual(s.updatedAt) }) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="end">
                        <Button size="xs" variant="light" onClick={() => onOpen(kind, lang)} data-testid={`template-open-${kind}-${lang}`}>
                          {canEdit ? t('templates.edit') : t('templates.view')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                }),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
