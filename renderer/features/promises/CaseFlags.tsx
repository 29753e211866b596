// Disputes and holds on a case: the open one shown prominently (reason, until, documents) with resolve; open a new one;
// the resolved ones below as history.
import { Alert, Badge, Button, Card, Group, Modal, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerPause } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CaseFlagRow, FlagKind } from '../../../electron/contract/procedures/promises';
import { call, fieldIssues } from '../../api/client';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { useCaseFlags } from './api';

/** The buttons that open a dispute or a hold (in the case page's header). */
export function FlagButtons({ detail }: { detail: CaseDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FlagKind | null>(null);
  const flags = useCaseFlags(detail.id);
  const open = new Set((flags.data ?? []).filter((f) => f.resolvedAt === null).map((f) => f.kind));
  return (
    <>
      {!open.has('dispute') ? (
        <Button variant="default" color="orange" leftSection={<IconAlertTriangle size={16} />} onClick={() => setKind('dispute')} data-testid="flag-open-dispute">
          {t('promises.flags.open_dispute')}
        </Button>
      ) : null}
      {!open.has('hold') ? (
        <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => setKind('hold')} data-testid="flag-open-hold">
          {t('promises.flags.open_hold')}
        </Button>
      ) : null}
      {kind ? <OpenFlagModal detail={detail} kind={kind} onClose={() => setKind(null)} /> : null}
    </>
  );
}

/** Open flags as prominent banners under the case header, with resolve; where the case stands in the queue. */
export function OpenFlags({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useFormat();
  const flags = useCaseFlags(detail.id);
  const [resolving, setResolving] = useState<CaseFlagRow | null>(null);
  const open = (flags.data ?? []).filter((f) => f.resolvedAt === null);
  const reason = detail.escalation.reason;
  if (open.length === 0 && reason === null) return null;
  return (
    <Stack gap="xs">
      {open.map((f) => (
        <Alert
          key={f.id}
          color={f.kind === 'dispute' ? 'orange' : 'yellow'}
          icon={f.kind === 'dispute' ? <IconAlertTriangle size={18} /> : <IconPlayerPause size={18} />}
          title={t(`promises.flags.banner_${f.kind}`)}
          data-testid={`flag-banner-${f.kind}`}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <FlagText flag={f} />
            {canWrite ? (
              <Button size="xs" variant="white" onClick={() => setResolving(f)} data-testid={`flag-resolve-${f.kind}`}>
                {t('promises.flags.resolve')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ))}
      {reason === 'promise_due' && detail.escalation.dueOn ? (
        <Text size="sm" c="dimmed" data-testid="escalation-reason">
          {t(detail.escalation.due ? 'promises.escalation.promise_missed' : 'promises.escalation.promise_due', { date: fmt.dual(detail.escalation.dueOn) })}
        </Text>
      ) : null}
      {reason === 'plan_defaulted' && detail.escalation.dueOn ? (
        <Text size="sm" c="dimmed" data-testid="escalation-reason">
          {t(detail.escalation.due ? 'plans.escalation_defaulted' : 'plans.escalation_waiting', { date: fmt.dual(detail.escalation.dueOn) })}
        </Text>
      ) : null}
      {reason === 'settlement_overdue' && detail.escalation.dueOn ? (
        <Text size="sm" c="dimmed" data-testid="escalation-reason">
          {t(detail.escalation.due ? 'settlements.escalation_overdue' : 'settlements.escalation_waiting', { date: fmt.dual(detail.escalation.dueOn) })}
        </Text>
      ) : null}
      {reason === 'hold_ended' && detail.escalation.dueOn ? (
        <Text size="sm" c="dimmed" data-testid="escalation-reason">
          {t('promises.escalation.hold_ended', { date: fmt.dual(detail.escalation.dueOn) })}
        </Text>
      ) : null}
      {resolving ? <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} /> : null}
    </Stack>
  );
}

function FlagText({ flag }: { flag: CaseFlagRow }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} data-testid={`flag-reason-${flag.id}`}>
        {flag.reason}
      </Text>
      {flag.untilOn ? <Text size="sm">{t('promises.flags.until_on', { date: fmt.dual(flag.untilOn) })}</Text> : null}
      {flag.documents.length > 0 ? (
        <Group gap={4}>
          <Text size="xs">{t('promises.flags.documents')}:</Text>
          {flag.documents.map((d) => (
            <Badge key={d.id} variant="outline" size="sm" style={{ textTransform: 'none' }}>
              {d.fileName}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('promises.flags.open_since', { date: fmt.dateTimeDual(flag.openedAt), name: flag.openedByName })}
      </Text>
      {flag.resolvedAt ? (
        <Text size="xs" c="dimmed">
          {t('promises.flags.resolved_on', { date: fmt.dateTimeDual(flag.resolvedAt), name: flag.resolvedByName, resolution: flag.resolution })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Every dispute and hold, newest first, for the case's history. */
export function FlagHistory({ caseId }: { caseId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const flags = useCaseFlags(caseId);
  const rows = flags.data ?? [];
  return (
    <Card withBorder data-testid="flag-history">
      <Stack gap="sm">
        <Title order={4}>{t('promises.flags.title')}</Title>
        {rows.length === 0 ? <Text size="sm">{t('promises.flags.none')}</Text> : null}
        {rows.map((f) => (
          <Group key={f.id} gap="sm" align="flex-start" wrap="nowrap" data-testid={`flag-row-${f.id}`}>
            <Badge color={f.kind === 'dispute' ? 'orange' : 'yellow'} variant={f.resolvedAt ? 'outline' : 'filled'} style={{ flexShrink: 0 }}>
              {t(`promises.flags.${f.kind}`)}
            </Badge>
            <FlagText flag={f} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function OpenFlagModal({ detail, kind, onClose }: { detail: CaseDetail; kind: FlagKind; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const docs = useQuery({ queryKey: ['documents', 'list', { caseId: detail.id }], queryFn: () => call('documents.list', { owner: { caseId: detail.id } }), enabled: kind === 'dispute' });
  const save = useMutation({
    mutationFn: () =>
      kind === 'dispute'
        ? call('cases.dispute', { caseId: detail.id, reason, documentIds: documentIds.map(Number) })
        : call('cases.hold', { caseId: detail.id, reason, until: until === '' ? null : until }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      const fields = fieldIssues(e);
      setIssues(Object.fromEntries(fields.map((f) => [f.path, t(f.message)])));
      setFailure(fields.length > 0 ? null : errorMessage(e, t));
    },
  });
  return (
    <Modal opened onClose={onClose} title={t(`promises.flags.${kind}_title`)}>
      <Stack gap="sm" data-testid="flag-dialog">
        {failure ? (
          <Alert color="red" data-testid="flag-error">
            {failure}
          </Alert>
        ) : null}
        <Textarea label={t('promises.flags.reason')} withAsterisk autosize minRows={2} value={reason} error={issues.reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="flag-reason" />
        {kind === 'hold' ? (
          <>
            <DateField label={t('promises.flags.until')} value={until} onChange={setUntil} error={issues.until} testId="flag-until" />
            <Text size="xs" c="dimmed">
              {t('promises.flags.until_none')}
            </Text>
          </>
        ) : (
          <MultiSelect
            label={t('promises.flags.documents')}
            data={(docs.data ?? []).map((d) => ({ value: String(d.id), label: d.fileName }))}
            value={documentIds}
            onChange={setDocumentIds}
            data-testid="flag-documents"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="flag-save">
            {t('promises.flags.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResolveFlagModal({ flag, onClose }: { flag: CaseFlagRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('cases.resolveFlag', { flagId: flag.id, resolution }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onClose();
    },
    onError: (e) => {
      const field = fieldIssues(e)[0];
      setFailure(field ? t(field.message) : errorMessage(e, t));
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('promises.flags.resolve_title', { kind: t(`promises.flags.${flag.kind}`) })}>
      <Stack gap="sm" data-testid="flag-resolve-dialog">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Textarea label={t('promises.flags.resolution')} withAsterisk autosize minRows={2} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} data-testid="flag-resolution" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="flag-resolve-confirm">
            {t('promises.flags.resolve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
