// Set-up step 2: the first partner (name, username, password twice with the strength meter); creates the office.
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { setupCreateInput } from '../../../electron/contract/procedures/auth';
import type { OfficeProfile } from '../../../electron/contract/schemas';
import { call, fieldIssues } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { refineNewPassword } from '../../components/passwordForms';
import { currentLang } from '../../i18n';
import type { SetupDone } from './SetupWizard';

const partnerForm = setupCreateInput.shape.partner
  .extend({ confirm: z.string() })
  .superRefine((v, ctx) => refineNewPassword(v, ctx));
type PartnerForm = z.input<typeof partnerForm>;

export function PartnerStep({
  office,
  onBack,
  onOfficeRejected,
  onCreated,
}: {
  office: OfficeProfile;
  onBack: () => void;
  onOfficeRejected: (error: unknown) => void;
  onCreated: (done: SetupDone) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PartnerForm, unknown, z.output<typeof partnerForm>>({
    resolver: zodResolver(partnerForm),
    defaultValues: { displayName: '', username: '', password: '', confirm: '', lang: currentLang() },
  });
  const { errors, isSubmitting } = form.formState;
  const username = form.watch('username');

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...partner }) => {
    setFailure(null);
    let recoveryCode: string;
    try {
      ({ recoveryCode } = await call('setup.create', { office, partner: { ...partner, lang: currentLang() } }));
    } catch (e) {
      if (fieldIssues(e).some((i) => i.path.startsWith('office.'))) {
        onOfficeRejected(e);
        return;
      }
      const fields = ['displayName', 'username', 'password'] as const;
      if (applyFieldIssues(e, form.setError, fields, 'partner.') === 0) setFailure(errorMessage(e, t));
      return;
    }
    // Sign in now so the password need not be kept; the session is used only once the code is confirmed.
    try {
      const { token, session } = await call('auth.login', { username: partner.username, password: partner.password });
      onCreated({ recoveryCode, token, session });
    } catch {
      onCreated({ recoveryCode, token: null, session: null });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="setup-partner">
      <Stack gap="md" mt="md" maw={460} mx="auto">
        {failure ? (
          <Alert color="red" role="alert" data-testid="setup-error">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label={t('users.display_name')}
          withAsterisk
          data-testid="partner-displayName"
          error={fieldMessage(errors.displayName?.message, t)}
          {...form.register('displayName')}
        />
        <TextInput
          label={t('login.username')}
          description={t('users.username_hint')}
          withAsterisk
          dir="ltr"
          autoComplete="username"
          data-testid="partner-username"
          error={fieldMessage(errors.username?.message, t)}
          {...form.register('username')}
        />
        <NewPasswordFields
          form={form}
          passwordField="password"
          confirmField="confirm"
          username={username}
          testIdPrefix="partner"
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} disabled={isSubmitting}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="setup-partner-create">
            {t('setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
