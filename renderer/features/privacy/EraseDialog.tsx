// Erasing a person's personal data (PDPL), for partners: what would be removed (the core's preview), why it cannot be
// erased yet when it cannot, a warning that it cannot be undone and that older backups keep the data until rotation,
// and a typed confirmation word before the erasure; then what was done.
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconEraser } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasurePreview, ErasureResult } from '../../../electron/contract/procedures/privacy';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useNameOrErased } from '../../components/PartyName';
import { useFormat, type Formatters } from '../../i18n/useFormat';
import { useErasePreview } from './api';

type CountKey = 'cases' | 'communications' | 'documents' | 'letters' | 'batchLetters' | 'receipts' | 'statements' | 'auditEntries';

const ITEMS: readonly { key: CountKey; label: string; sub?: true }[] = [
  { key: 'cases', label: 'erasure.i_cases' },
  { key: 'communications', label: 'erasure.i_communications' },
  { key: 'documents', label: 'erasure.i_documents' },
  { key: 'letters', label: 'erasure.i_letters' },
  { key: 'batchLetters', label: 'erasure.i_batch_letters', sub: true },
  { key: 'receipts', label: 'erasure.i_receipts' },
  { key: 'statements', label: 'erasure.i_statements' },
  { key: 'auditEntries', label: 'erasure.i_audit' },
];

/** Arabic marks and tatweel do not matter in the typed word, nor does case or spacing. */
const normalise = (s: string): string => s.replace(/[\u064B-\u0652\u0640]/g, '').trim().toLocaleUpperCase();

/** An instant (erased_at) or a day, in both calendars. */
export function erasedDate(fmt: Formatters, iso: string): string {
  return iso.length > 10 ? fmt.dateTimeDual(iso) : fmt.dual(iso);
}

function blockText(p: ErasurePreview, t: TFunction, fmt: Formatters): string {
  switch (p.block) {
    case 'open_case':
      return t('erasure.block_open_case');
    case 'not_due':
      return p.erasableFrom ? t('erasure.block_not_due', { date: fmt.dual(p.erasableFrom) }) : t('erasure.block_not_due_nothing');
    case 'already_erased':
      return t('erasure.block_already_erased');
    case null:
      return '';
  }
}

/** The core's refusal in words; not_due carries the first day the person may be erased. */
function refusal(e: unknown, t: TFunction, fmt: Formatters): string {
  if (isApiCallError(e) && e.code === 'privacy.not_due') {
    const d = e.details;
    const from = typeof d === 'object' && d !== null && 'erasableFrom' in d && typeof d.erasableFrom === 'string' ? d.erasableFrom : null;
    return from ? t('errors.privacy.not_due', { erasableFrom: fmt.dual(from) }) : t('erasure.block_not_due_nothing');
  }
  // The preview is read again after any failure, so the partner checks it and erases again (no reload needed).
  if (isApiCallError(e) && e.code === 'conflict.stale') return t('erasure.stale');
  return errorMessage(e, t);
}

function Counts({ counts, testId }: { counts: Partial<Record<CountKey, number>>; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('erasure.c_item')}</Table.Th>
          <Table.Th w={90}>{t('erasure.c_count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ITEMS.filter((i) => counts[i.key] !== undefined).map((i) => (
          <Table.Tr key={i.key} data-testid={`erase-count-${i.key}`}>
            <Table.Td ps={i.sub ? 'xl' : undefined}>
              <Text size="sm" c={i.sub ? 'dimmed' : undefined}>
                {t(i.label)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} data-testid="erase-count">
                {fmt.number(counts[i.key] ?? 0)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Done({ result, onClose }: { result: ErasureResult; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm" data-testid="erase-done">
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('erasure.done_title')}>
        {t('erasure.done', { date: erasedDate(fmt, result.erasedAt) })}
      </Alert>
      <Counts counts={result} testId="erase-result" />
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="erase-close">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}

/** `name` is the person's name when the dialog opened: the title keeps it after the erasure empties it. */
export function EraseDialog({ partyId, name, onClose }: { partyId: number; name: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The name kept whole (FSI … PDI) inside a title of the other direction.
  const shown = useNameOrErased();
  const queryClient = useQueryClient();
  const preview = useErasePreview(partyId);
  const [typed, setTyped] = useState('');
  const erase = useMutation({
    mutationFn: (version: number) => call('privacy.erase', { partyId, version }),
    // The erasure reaches cases, the log, letters, money, search and the due list: everything read before is stale.
    onSettled: () => void queryClient.invalidateQueries(),
  });
  const p = preview.data;
  const word = t('erasure.confirm_word');
  const confirmed = normalise(typed) === normalise(word);

  const body = (): React.JSX.Element => {
    if (erase.data) return <Done result={erase.data} onClose={onClose} />;
    if (preview.isPending) return <Loader />;
    if (preview.isError) return <Alert color="red">{errorMessage(preview.error, t)}</Alert>;
    if (!p) return <Loader />;
    const blocked = p.block !== null;
    return (
      <Stack gap="sm">
        {blocked ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="erase-block" data-block={p.block}>
            {blockText(p, t, fmt)}
          </Alert>
        ) : null}
        {p.block !== 'already_erased' ? (
          <>
            <Text size="sm">{t('erasure.what_person')}</Text>
            <Text size="sm" fw={600}>
              {t('erasure.what_title')}
            </Text>
            <Counts counts={p} testId="erase-preview" />
            {blocked ? null : (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('erasure.warning_title')} data-testid="erase-warning">
                <Stack gap={4}>
                  <Text size="sm">{t('erasure.warning_undo')}</Text>
                  <Text size="sm">{t('erasure.warning_backups')}</Text>
                </Stack>
              </Alert>
            )}
            <TextInput
              label={t('erasure.confirm_label', { word })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              disabled={blocked}
              autoComplete="off"
              data-testid="erase-confirm-word"
            />
          </>
        ) : null}
        {erase.isError ? (
          <Alert color="red" data-testid="erase-error">
            {refusal(erase.error, t, fmt)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            leftSection={<IconEraser size={16} />}
            disabled={blocked || !confirmed}
            loading={erase.isPending}
            onClick={() => erase.mutate(p.version)}
            data-testid="erase-confirm"
          >
            {t('erasure.confirm')}
          </Button>
        </Group>
      </Stack>
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('erasure.dialog_title', { name: `\u2068${shown(name || p?.name)}\u2069` })} size="xl">
      <div data-testid="erase-dialog">{body()}</div>
    </Modal>
  );
}
