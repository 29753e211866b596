// The stage card: the moves the ladder offers now, each with its guards translated, a reason for every move, and a partner's override.
import { Alert, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForward, IconLock, IconShieldExclamation } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { GuardFailure, Stage } from '../../../electron/domain/ladder';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { StageBadge } from '../../components/StageBadge';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from './api';
import { messageParams } from './params';

type Move = CaseDetail['moves'][number];

function isGuardList(v: unknown): v is GuardFailure[] {
  return Array.isArray(v) && v.every((g) => typeof g === 'object' && g !== null && 'code' in g && 'params' in g);
}

export function GuardList({ guards, testId }: { guards: GuardFailure[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <List size="sm" spacing={4} data-testid={testId} icon={<IconShieldExclamation size={16} color="var(--mantine-color-orange-7)" />}>
      {guards.map((g) => (
        <List.Item key={g.code} data-guard={g.code}>
          {t(`guards.${g.code}`, messageParams(g.params, t, fmt))}
        </List.Item>
      ))}
    </List>
  );
}

export interface CaseMovesProps {
  detail: CaseDetail;
  canMove: boolean;
  canOverride: boolean;
  onStale: (current: unknown) => void;
}

export function CaseMoves({ detail, canMove, canOverride, onStale }: CaseMovesProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [guarded, setGuarded] = useState<{ move: Move; guards: GuardFailure[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  const move = useMutation({
    mutationFn: (input: { to: Stage; override: boolean; reason: string }) =>
      call('cases.move', { id: detail.id, version: detail.version, ...input }),
    onMutate: () => setFailure(null),
    onSuccess: async (_row, input) => {
      setReason('');
      setGuarded(null);
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('cases.moved', { stage: t(`stages.${input.to}`) }) });
    },
    onError: (e, input) => {
      if (isApiCallError(e) && e.code === 'cases.guarded' && isGuardList(e.details)) {
        const m = detail.moves.find((x) => x.to === input.to);
        if (m) setGuarded({ move: m, guards: e.details });
      } else if (isApiCallError(e) && e.code === 'conflict.stale') onStale(e.details);
      else if (isApiCallError(e) && e.code === 'cases.override_reason') setReasonError(t('errors.cases.override_reason'));
      else setFailure(errorMessage(e, t));
    },
  });

  const attempt = (m: Move): void => {
    if (m.guards.length > 0) {
      setReasonError(null);
      setGuarded({ move: m, guards: m.guards });
    } else move.mutate({ to: m.to, override: false, reason });
  };

  const forward = detail.moves.filter((m) => !m.correction);
  const corrections = detail.moves.filter((m) => m.correction);
  const overridable = guarded !== null && canOverride && guarded.guards.every((g) => g.overridable);

  return (
    <Card withBorder padding="lg" data-testid="case-moves">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('cases.stage_title')}</Title>
          <StageBadge stage={detail.stage} size="lg" />
        </Group>
        {detail.escalation.due && detail.escalation.nextStage ? (
          <Alert color="orange" data-testid="case-escalation-due">
            {t('cases.escalation_due', {
              stage: t(`stages.${detail.escalation.nextStage}`),
              date: detail.escalation.dueOn ? fmt.dual(detail.escalation.dueOn) : '',
            })}
          </Alert>
        ) : null}
        {failure ? <Alert color="red">{failure}</Alert> : null}
        {canMove && detail.moves.length > 0 ? (
          <>
            <Textarea
              label={t('cases.move_reason')}
              autosize
              minRows={1}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="move-reason"
            />
            <Stack gap="xs">
              {forward.map((m) => (
                <Stack key={m.to} gap={4} data-testid={`move-${m.to}`}>
                  <Group gap="xs">
                    <Button
                      size="sm"
                      variant={m.guards.length > 0 ? 'default' : 'filled'}
                      leftSection={m.guards.length > 0 ? <IconLock size={16} /> : <IconArrowForward size={16} className="flip-rtl" />}
                      onClick={() => attempt(m)}
                      loading={move.isPending && move.variables.to === m.to}
                      data-testid={`move-button-${m.to}`}
                    >
                      {t('cases.move_to', { stage: t(`stages.${m.to}`) })}
                    </Button>
                  </Group>
                  {m.guards.length > 0 ? <GuardList guards={m.guards} testId={`move-guards-${m.to}`} /> : null}
                </Stack>
              ))}
            </Stack>
            {corrections.length > 0 ? (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('cases.corrections')}
                </Text>
                {corrections.map((m) => (
                  <Button
                    key={m.to}
                    size="xs"
                    variant="subtle"
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => attempt(m)}
                    data-testid={`move-button-${m.to}`}
                  >
                    {t(`stages.${m.to}`)}
                  </Button>
                ))}
              </Group>
            ) : null}
          </>
        ) : null}
        {detail.moves.length === 0 ? <Text c="dimmed">{t('cases.no_moves')}</Text> : null}
      </Stack>

      <Modal
        opened={guarded !== null}
        onClose={() => setGuarded(null)}
        title={guarded ? t('cases.guarded_title', { stage: t(`stages.${guarded.move.to}`) }) : ''}
        size="lg"
      >
        {guarded ? (
          <Stack gap="sm" data-testid="guard-dialog">
            <Alert color="orange">
              <GuardList guards={guarded.guards} testId="guard-dialog-list" />
            </Alert>
            {overridable ? (
              <>
                <Text size="sm">{t('cases.override_explain')}</Text>
                <Textarea
                  label={t('cases.override_reason')}
                  withAsterisk
                  autosize
                  minRows={2}
                  value={reason}
                  error={reasonError}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  data-testid="override-reason"
                />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {guarded.guards.every((g) => g.overridable) ? t('cases.override_partner_only') : t('cases.override_impossible')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setGuarded(null)}>
                {t('common.close')}
              </Button>
              {overridable ? (
                <Button
                  color="orange"
                  loading={move.isPending}
                  data-testid="override-submit"
                  onClick={() => {
                    if (reason.trim() === '') {
                      setReasonError(t('validation.required'));
                      return;
                    }
                    move.mutate({ to: guarded.move.to, override: true, reason });
                  }}
                >
                  {t('cases.override_submit')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}
