// The audit trail (partners): the latest entries, and a check that the hash chain is unbroken.
import { Alert, Button, Card, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAuditList, useUsers } from '../../api/queries';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';

export function AuditSection(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const audit = useAuditList(true);
  const users = useUsers(true);
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const nameOf = (id: string | null): string => {
    if (id === null) return t('audit.system');
    return users.data?.find((u) => u.id === id)?.displayName ?? id;
  };

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('audit.verify_title')}</Title>
          <Text size="sm" c="dimmed">
            {t('audit.verify_explain')}
          </Text>
          <Group>
            <Button
              leftSection={<IconShieldCheck size={18} />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          </Group>
          {verify.data?.ok === true ? (
            <Alert color="teal" data-testid="audit-verify-result" data-ok="true">
              {t('audit.verify_ok', { entries: fmt.number(verify.data.entries) })}
              {verify.data.redacted > 0 ? ` ${t('audit.verify_redacted', { redacted: fmt.number(verify.data.redacted) })}` : null}
            </Alert>
          ) : null}
          {verify.data?.ok === false ? (
            <Alert color="red" data-testid="audit-verify-result" data-ok="false">
              {t('audit.verify_broken', {
                entries: fmt.number(verify.data.entries),
                seq: fmt.number(verify.data.firstBrokenSeq),
                reason: t(`audit.reason_${verify.data.reason}`),
              })}
            </Alert>
          ) : null}
          {verify.isError ? <Alert color="red">{errorMessage(verify.error, t)}</Alert> : null}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('audit.recent')}</Title>
          {audit.isPending ? <Loader /> : null}
          {audit.isError ? <Alert color="red">{errorMessage(audit.error, t)}</Alert> : null}
          {audit.data ? (
            <ScrollArea>
              <Table striped highlightOnHover data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.seq')}</Table.Th>
                    <Table.Th>{t('audit.at')}</Table.Th>
                    <Table.Th>{t('audit.user')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.entity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audit.data.map((row) => (
                    <Table.Tr key={row.seq}>
                      <Table.Td>{fmt.number(row.seq)}</Table.Td>
                      <Table.Td>{fmt.dateTimeDual(row.at)}</Table.Td>
                      <Table.Td>{nameOf(row.userId)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" span title={row.action}>
                          {t(`audit.actions.${row.action}`, { defaultValue: row.action })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`audit.entities.${row.entity}`, { defaultValue: row.entity })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {audit.data.length === 0 ? <Text c="dimmed">{t('audit.empty')}</Text> : null}
            </ScrollArea>
          ) : null}
        </Stack>
      </Card>
    </Stack>
  );
}
