// Right after a call logged as "promised to pay": record the promise (amount and date) linked to that entry, or not now.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationRow } from '../../../electron/contract/procedures/activity';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { PROMISE_CHANNELS } from '../../../electron/contract/procedures/promises';
import { isCurrencyCode } from '../../../electron/domain/money';
import { call, fieldIssues } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { areaKeys } from '../cases/api';

export interface PromiseOfferProps {
  detail: CaseDetail;
  entry: CommunicationRow;
  onDone: () => void;
}

export function PromiseOffer({ detail, entry, onDone }: PromiseOfferProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const box = useRef<HTMLDivElement | null>(null);
  const [amountMinor, setAmountState] = useState<number | null>(null);
  const [dueOn, setDueOnState] = useState('');
  // Enter in the date commits it and submits in the same tick: the save reads what was just typed, not the last render.
  const latest = useRef({ amountMinor: null as number | null, dueOn: '' });
  const setAmount = (v: number | null): void => {
    latest.current.amountMinor = v;
    setAmountState(v);
  };
  const setDueOn = (v: string): void => {
    latest.current.dueOn = v;
    setDueOnState(v);
  };
  const currency = isCurrencyCode(detail.currency) ? detail.currency : 'SAR';

  useEffect(() => {
    box.current?.querySelector<HTMLInputElement>('[data-testid="promise-offer-amount"]')?.focus();
  }, []);

  const save = useMutation({
    mutationFn: () =>
      call('promises.create', {
        caseId: detail.id,
        amountMinor: latest.current.amountMinor ?? 0,
        dueOn: latest.current.dueOn,
        channel: PROMISE_CHANNELS.find((c) => c === entry.channel) ?? 'call',
        communicationId: entry.id,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      onDone();
    },
  });
  const issues = Object.fromEntries(fieldIssues(save.error).map((f) => [f.path, f.message]));
  const failure = save.error && fieldIssues(save.error).length === 0 ? errorMessage(save.error, t) : null;

  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-teal-light)" ref={box} data-testid="promise-offer">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('activity.promise_offer')}
          </Text>
          {failure ? (
            <Alert color="red" data-testid="promise-offer-error">
              {failure}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AmountField
              label={t('promises.amount')}
              value={amountMinor}
              currency={currency}
              optional
              onChange={setAmount}
              error={fieldMessage(issues.amountMinor, t)}
              testId="promise-offer-amount"
              withAsterisk
            />
            <DateField label={t('promises.due_on')} value={dueOn} onChange={setDueOn} error={fieldMessage(issues.dueOn, t)} testId="promise-offer-due" withAsterisk />
          </SimpleGrid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onDone} data-testid="promise-offer-skip">
              {t('activity.promise_skip')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="promise-offer-save">
              {t('activity.promise_record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
