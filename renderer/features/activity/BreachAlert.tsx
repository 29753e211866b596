// A refusal in words: the client rule pack's rules with their figures, and for a partner the way past them with a reason.
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Breach } from '../../../electron/domain/rule-pack';
import { applyDigits } from '../../../electron/domain/digits';
import { errorMessage } from '../../components/errorMessage';
import { useFormat, type Formatters } from '../../i18n/useFormat';

/** One broken rule as a sentence: "الحد 10 محاولات اتصال خلال 30 يوماً: استُخدمت 10". */
export function breachText(b: Breach, t: TFunction, fmt: Formatters): string {
  const time = (s: string): string => applyDigits(s, fmt.opts.digits);
  switch (b.code) {
    case 'call_cap':
      return t('activity.rules.call_cap', { limit: fmt.number(b.limit), window: fmt.number(b.window), used: fmt.number(b.used) });
    case 'not_party':
      return t('activity.rules.not_party');
    case 'outside_hours':
      return t('activity.rules.outside_hours', { from: time(b.from), to: time(b.to), at: time(b.at) });
    case 'non_working_day':
      return t('activity.rules.non_working_day', { day: t(`ladder.weekday_${b.weekday}`), date: fmt.dual(b.date) });
    case 'reminder_during_dispute':
      return t('activity.rules.reminder_during_dispute', { kind: t(`templates.kinds.${b.letterKind}`) });
  }
}

export interface BreachAlertProps {
  error: unknown;
  breaches: Breach[];
  canOverride?: boolean;
  reason?: string;
  reasonError?: string | undefined;
  onReason?: (reason: string) => void;
  onOverride?: () => void;
  busy?: boolean;
}

export function BreachAlert({ error, breaches, canOverride = false, reason = '', reasonError, onReason, onOverride, busy = false }: BreachAlertProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (breaches.length === 0) {
    return (
      <Alert color="red" data-testid="log-error">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconShieldX />} title={t('activity.breach_title')} data-testid="log-breach">
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {breaches.map((b) => (
            <List.Item key={b.code} data-rule={b.code}>
              {breachText(b, t, fmt)}
            </List.Item>
          ))}
        </List>
        {canOverride && onOverride ? (
          <Stack gap="xs">
            <Textarea
              label={t('activity.override_reason')}
              description={t('activity.override_explain')}
              autosize
              minRows={1}
              value={reason}
              onChange={(e) => onReason?.(e.currentTarget.value)}
              error={reasonError}
              data-override-reason=""
              data-testid="log-override-reason"
            />
            <Group justify="flex-end">
              <Button color="red" variant="light" onClick={onOverride} loading={busy} data-testid="log-override">
                {t('activity.override_save')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm">{t('activity.override_partner_only')}</Text>
        )}
      </Stack>
    </Alert>
  );
}
