// The client's allocation order: the claim's components in the order a payment pays them, each moved earlier or later.
import { ActionIcon, Group, Input, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClaimComponent } from '../../../electron/domain/allocation';
import { useFormat } from '../../i18n/useFormat';

export function AllocationOrderField({
  value,
  onChange,
  error,
}: {
  value: readonly ClaimComponent[];
  onChange: (order: ClaimComponent[]) => void;
  error?: string | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const move = (i: number, by: -1 | 1): void => {
    const next = [...value];
    const j = i + by;
    const a = next[i];
    const b = next[j];
    if (a === undefined || b === undefined) return;
    next[i] = b;
    next[j] = a;
    onChange(next);
  };
  return (
    <Input.Wrapper label={t('clients.allocation_order')} description={t('clients.allocation_order_help')} error={error} data-testid="client-allocation-order">
      <Stack gap={4} mt={6}>
        {value.map((c, i) => (
          <Paper key={c} withBorder px="sm" py={4} data-testid={`client-allocation-${i}`} data-component={c}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {fmt.number(i + 1)}. {t(`payments.components.${c}`)}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('clients.move_up')}: ${t(`payments.components.${c}`)}`} data-testid={`client-allocation-up-${c}`}>
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  disabled={i === value.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`${t('clients.move_down')}: ${t(`payments.components.${c}`)}`}
                  data-testid={`client-allocation-down-${c}`}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Input.Wrapper>
  );
}
