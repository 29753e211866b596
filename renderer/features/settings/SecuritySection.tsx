// Security: change my password, and (partners) how many idle minutes lock the app.
import { Stack } from '@mantine/core';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { ChangePasswordCard } from './ChangePasswordCard';
import { IdleLockCard } from './IdleLockCard';

export function SecuritySection({
  session,
  canEditIdle,
}: {
  session: SessionInfo;
  canEditIdle: boolean;
}): React.JSX.Element {
  return (
    <Stack gap="lg">
      <ChangePasswordCard username={session.user.username} />
      <IdleLockCard session={session} canEdit={canEditIdle} />
    </Stack>
  );
}
