// One template (kind × language): its text in a large editor written in the template's own direction, the field picker, the
// problems found while typing (the domain's validateTemplate, the same check the core makes on save), save, restore the
// default, and the live preview beside it. A stale save shows the current text beside mine (StaleDialog).
import { Alert, Badge, Box, Button, Card, Grid, Group, Input, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail, TemplateKind, TemplateProblemRow } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { validateTemplate } from '../../../electron/domain/template/validate';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { StaleDialog, type StaleRow } from '../../components/StaleDialog';
import { useFormat, type Formatters } from '../../i18n/useFormat';
import { isolate, serverProblems, templateKeys, useTemplate } from './api';
import { firstDifference, insertAt, offsetOf } from './editorText';
import { FieldPicker } from './FieldPicker';
import { ProblemList } from './ProblemList';
import { SyntaxHelp } from './SyntaxHelp';
import { TemplatePreview } from './TemplatePreview';

export interface TemplateEditorProps {
  kind: TemplateKind;
  lang: Lang;
  canEdit: boolean;
  onBack: () => void;
}

export function TemplateEditor(props: TemplateEditorProps): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useTemplate(props.kind, props.lang);
  if (detail.isPending) return <Loader />;
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error, t)}</Alert>;
  return <Editor key={`${props.kind}-${props.lang}`} {...props} initial={detail.data} />;
}

function isTemplateDetail(v: unknown): v is TemplateDetail {
  return typeof v === 'object' && v !== null && 'body' in v && typeof v.body === 'string' && 'version' in v;
}

// Each line takes the direction of its first letter (unicode-bidi: plaintext), so a line holding only `{{#if …}}` or `{{/if}}`
// reads left to right in an Arabic template instead of coming out as `{{if …#}}`.
// The editor font: the UI's (Arabic-capable) for Arabic text; a monospaced one for English, Arabic glyphs falling back to the UI's.
const FONT: Record<Lang, string> = {
  ar: 'var(--mantine-font-family)',
  en: "ui-monospace, 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace, var(--mantine-font-family)",
};

function Editor({ kind, lang, canEdit, onBack, initial }: TemplateEditorProps & { initial: TemplateDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [body, setBody] = useState(initial.body);
  const [fromServer, setFromServer] = useState<TemplateProblemRow[] | null>(null);
  const [stale, setStale] = useState<{ rows: StaleRow[]; current: TemplateDetail | null } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const live = useMemo(() => validateTemplate(body, kind), [body, kind]);
  const problems = fromServer ?? live;
  const dirty = body !== base.body;

  // After an insertion the new text is rendered first; then the cursor goes after what was inserted.
  useLayoutEffect(() => {
    const el = area.current;
    const caret = pendingCaret.current;
    if (!el || caret === null) return;
    pendingCaret.current = null;
    el.focus();
    el.setSelectionRange(caret, caret);
    selection.current = { start: caret, end: caret };
  }, [body]);

  const taken = (saved: TemplateDetail): void => {
    setBase(saved);
    setBody(saved.body);
    setFromServer(null);
    queryClient.setQueryData(templateKeys.get(kind, lang), saved);
    void queryClient.invalidateQueries({ queryKey: templateKeys.list });
  };

  const save = useMutation({
    mutationFn: () => call('templates.save', { kind, lang, body, version: base.version }),
    onSuccess: (saved) => {
      taken(saved);
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      const found = serverProblems(e);
      if (found) setFromServer(found);
      else if (isApiCallError(e) && e.code === 'conflict.stale') {
        const current = isTemplateDetail(e.details) ? e.details : null;
        setStale({ rows: current ? staleRows(body, current, t, fmt) : [], current });
      } else notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });

  const reset = useMutation({
    mutationFn: () => call('templates.reset', { kind, lang }),
    onSuccess: (saved) => {
      setConfirmReset(false);
      taken(saved);
      notifications.show({ color: 'teal', message: t('templates.restored') });
    },
    onError: (e) => {
      setConfirmReset(false);
      notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });

  const edit = (next: string): void => {
    setBody(next);
    setFromServer(null);
  };

  const insert = (text: string, caretBack: number): void => {
    const at = selection.current ?? { start: body.length, end: body.length };
    const result = insertAt(body, at.start, at.end, text);
    pendingCaret.current = result.cursor - caretBack;
    edit(result.text);
  };

  const jump = (p: TemplateProblemRow): void => {
    const el = area.current;
    if (!el) return;
    const at = offsetOf(body, p.line, p.column);
    const end = p.detail && body.startsWith(p.detail, at) ? at + p.detail.length : at;
    el.focus();
    el.setSelectionRange(at, end);
    selection.current = { start: at, end };
    // Bring the line into view: textareas do not scroll to a selection set from code.
    const lines = body.split('\n').length;
    el.scrollTop = Math.max(0, ((p.line - 1) / lines) * el.scrollHeight - el.clientHeight / 3);
  };

  const remember = (): void => {
    const el = area.current;
    if (el) selection.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  const kindName = t(`templates.kinds.${kind}`);
  return (
    <Stack gap="md" data-testid="template-editor" data-kind={kind} data-lang={lang}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} className="flip-rtl" />} onClick={onBack} data-testid="template-back">
            {t('templates.back')}
          </Button>
          <Title order={3}>{t('templates.editor_title', { kind: kindName, lang: t(`common.lang_${lang}`) })}</Title>
          <Badge color={base.customised ? 'teal' : 'gray'} variant="light" data-testid="template-state">
            {base.customised ? t('templates.customised') : t('templates.default')}
          </Badge>
          {dirty ? (
            <Badge color="orange" variant="dot" data-testid="template-dirty">
              {t('templates.unsaved')}
            </Badge>
          ) : null}
        </Group>
        {base.updatedAt ? (
          <Text size="sm" c="dimmed">
            {t('templates.updated_by', { name: isolate(base.updatedByName), when: fmt.dateTimeDual(base.updatedAt) })}
          </Text>
        ) : null}
      </Group>
      {canEdit ? null : (
        <Alert color="gray" variant="light" data-testid="template-read-only">
          {t('templates.read_only')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <Card withBorder padding="md">
              <Stack gap="sm">
                {canEdit ? <FieldPicker fields={base.fields} onInsert={insert} /> : null}
                {/* The label follows the UI's direction; the text, on its own root, the template's. */}
                <Input.Wrapper label={t('templates.body_label')} labelProps={{ htmlFor: 'template-body' }}>
                  <Textarea
                    ref={area}
                    id="template-body"
                    value={body}
                    onChange={(e) => edit(e.currentTarget.value)}
                    onSelect={remember}
                    onKeyUp={remember}
                    onClick={remember}
                    readOnly={!canEdit}
                    dir={lang === 'ar' ? 'rtl' : 'ltr'}
                    lang={lang}
                    spellCheck={false}
                    autosize
                    minRows={18}
                    maxRows={34}
                    styles={{ input: { fontFamily: FONT[lang], fontSize: 14, lineHeight: 1.7, unicodeBidi: 'plaintext' } }}
                    data-testid="template-body"
                  />
                </Input.Wrapper>
                <ProblemList problems={problems} onJump={jump} />
                {canEdit ? (
                  <Group justify="space-between" wrap="wrap" gap="sm">
                    {base.customised ? (
                      <Button variant="default" leftSection={<IconRestore size={16} />} onClick={() => setConfirmReset(true)} data-testid="template-reset">
                        {t('templates.restore')}
                      </Button>
                    ) : (
                      <Box />
                    )}
                    <Button
                      leftSection={<IconDeviceFloppy size={16} />}
                      onClick={() => save.mutate()}
                      disabled={problems.length > 0 || !dirty}
                      loading={save.isPending}
                      data-testid="template-save"
                    >
                      {t('common.save')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Card>
            <SyntaxHelp />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TemplatePreview kind={kind} lang={lang} body={body} />
        </Grid.Col>
      </Grid>
      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('templates.restore_title')}>
        <Stack gap="md" data-testid="template-reset-confirm">
          <Text size="sm">{t('templates.restore_confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()} data-testid="template-reset-yes">
              {t('templates.restore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <StaleDialog
        opened={stale !== null}
        rows={stale?.rows ?? []}
        onClose={() => setStale(null)}
        onReload={() => {
          const current = stale?.current ?? null;
          setStale(null);
          if (current) taken(current);
          else void queryClient.invalidateQueries({ queryKey: templateKeys.all });
        }}
      />
    </Stack>
  );
}

/** What differs between my unsaved text and the one saved meanwhile: the first differing line, and who saved it. */
function staleRows(mine: string, current: TemplateDetail, t: TFunction, fmt: Formatters): StaleRow[] {
  const diff = firstDifference(mine, current.body);
  const rows: StaleRow[] = [];
  if (diff) rows.push({ label: t('templates.line', { line: fmt.number(diff.line) }), mine: diff.mine, theirs: diff.theirs });
  if (current.updatedAt) {
    rows.push({
      label: t('templates.stale_by'),
      mine: '',
      theirs: t('templates.updated_by', { name: isolate(current.updatedByName), when: fmt.dateTimeDual(current.updatedAt) }),
    });
  }
  return rows;
}
