// The case page's Letters tab: the case's letters (voided ones struck through, numbers kept) and a new letter, PDF, dispatch, void.
import { ActionIcon, Alert, Button, Card, Group, Loader, Menu, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconBan, IconDots, IconFileText, IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { LetterRow } from '../../../electron/contract/procedures/letters';
import { useSettings } from '../../api/queries';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useCaseLetters } from './api';
import { DispatchDialog, VoidDialog } from './DispatchDialogs';
import { LetterStateBadge } from './LetterBits';
import { LetterPdfModal } from './LetterPdfModal';
import { NewLetterDialog } from './NewLetterDialog';

type Open = { what: 'new' } | { what: 'pdf' | 'dispatch' | 'void'; letter: LetterRow } | null;

export interface CaseLettersProps {
  detail: CaseDetail;
  canWrite: boolean;
  onStale: () => void;
}

export function CaseLetters({ detail, canWrite, onStale }: CaseLettersProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const letters = useCaseLetters(detail.id);
  const settings = useSettings();
  const [open, setOpen] = useState<Open>(null);
  const close = (): void => setOpen(null);
  const canNew = canWrite && detail.stage !== 'closed';

  const dispatchText = (l: LetterRow): string => {
    const parts: string[] = [];
    if (l.dispatchMethod) parts.push(t(`letters.methods.${l.dispatchMethod}`));
    const on = l.deliveredOn ?? l.returnedOn ?? l.sentOn;
    if (on) parts.push(fmt.gregorian(on));
    return parts.join(' — ') || '—';
  };

  return (
    <Card withBorder padding="md" data-testid="case-letters">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('letters.case_title')}</Title>
          {canNew ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ what: 'new' })} data-testid="letter-new">
              {t('letters.new')}
            </Button>
          ) : null}
        </Group>
        {letters.isPending ? <Loader size="sm" /> : null}
        {letters.isError ? <Alert color="red">{errorMessage(letters.error, t)}</Alert> : null}
        {letters.data && letters.data.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="case-letters-empty">
            {t('letters.case_empty')}
          </Text>
        ) : null}
        {letters.data && letters.data.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="case-letters-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('letters.number')}</Table.Th>
                  <Table.Th>{t('letters.kind')}</Table.Th>
                  <Table.Th>{t('letters.date')}</Table.Th>
                  <Table.Th>{t('letters.deadline')}</Table.Th>
                  <Table.Th>{t('letters.state')}</Table.Th>
                  <Table.Th>{t('letters.method')}</Table.Th>
                  <Table.Th aria-label={t('letters.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {letters.data.map((l) => {
                  const voided = l.voidedAt !== null;
                  return (
                    <Table.Tr key={l.id} data-testid={`case-letter-${l.number}`} data-voided={voided ? 'true' : undefined}>
                      <Table.Td>
                        <Tooltip label={l.voidReason} disabled={!voided || l.voidReason === ''}>
                          <Text size="sm" fw={600} className="nowrap-ltr" td={voided ? 'line-through' : undefined} c={voided ? 'dimmed' : undefined}>
                            {l.number}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" td={voided ? 'line-through' : undefined}>
                          {t(`templates.kinds.${l.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{fmt.dual(l.letterDate)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{l.deadlineOn ? fmt.dual(l.deadlineOn) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <div style={{ minInlineSize: 'max-content' }}>
                          <LetterStateBadge letter={l} />
                        </div>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{dispatchText(l)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Tooltip label={t('letters.open_pdf')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('letters.open_pdf')}
                              onClick={() => setOpen({ what: 'pdf', letter: l })}
                              data-testid="letter-open-pdf"
                            >
                              <IconFileText size={18} />
                            </ActionIcon>
                          </Tooltip>
                          {canWrite && !voided ? (
                            <Menu position="bottom-end" withinPortal={false}>
                              <Menu.Target>
                                <ActionIcon variant="subtle" aria-label={t('letters.actions')} data-testid="letter-actions">
                                  <IconDots size={18} />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item
                                  leftSection={<IconTruckDelivery size={16} />}
                                  onClick={() => setOpen({ what: 'dispatch', letter: l })}
                                  data-testid="letter-dispatch"
                                >
                                  {t('letters.record_dispatch')}
                                </Menu.Item>
                                <Menu.Item
                                  color="red"
                                  leftSection={<IconBan size={16} />}
                                  onClick={() => setOpen({ what: 'void', letter: l })}
                                  data-testid="letter-void"
                                >
                                  {t('letters.void')}
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      {open?.what === 'new' ? (
        <NewLetterDialog
          detail={detail}
          officeLang={settings.data?.defaultLang ?? 'ar'}
          onClose={close}
          onOpenLetter={(letter) => setOpen({ what: 'pdf', letter })}
        />
      ) : null}
      {open?.what === 'pdf' ? <LetterPdfModal letterId={open.letter.id} title={open.letter.number} onClose={close} /> : null}
      {open?.what === 'dispatch' ? <DispatchDialog letter={open.letter} onClose={close} onStale={onStale} /> : null}
      {open?.what === 'void' ? <VoidDialog letter={open.letter} onClose={close} onStale={onStale} /> : null}
    </Card>
  );
}
