// The office profile: partners edit it (office.update); others see it read-only.
import { Alert, Button, Card, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  officeProfileSchema,
  type OfficeProfile,
  type OfficeProfileInput,
} from '../../../electron/contract/schemas';
import { getAuthState, sessionUpdated } from '../../api/auth-store';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useOffice } from '../../api/queries';
import { errorMessage } from '../../components/errorMessage';
import { EMPTY_OFFICE, OFFICE_FIELDS, OfficeProfileFields } from '../../components/OfficeProfileFields';

export function OfficeSection({ canEdit }: { canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const office = useOffice();
  const form = useForm<OfficeProfileInput, unknown, OfficeProfile>({
    resolver: zodResolver(officeProfileSchema),
    defaultValues: EMPTY_OFFICE,
  });

  useEffect(() => {
    if (office.data) form.reset({ ...EMPTY_OFFICE, ...office.data });
  }, [office.data, form]);

  const save = useMutation({
    mutationFn: (values: OfficeProfile) => call('office.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.office, saved);
      const auth = getAuthState();
      if (auth.phase === 'signedIn') {
        sessionUpdated({ ...auth.session, officeName: { ar: saved.nameAr, en: saved.nameEn } });
      }
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      if (applyFieldIssues(e, form.setError, OFFICE_FIELDS) === 0) {
        notifications.show({ color: 'red', message: errorMessage(e, t) });
      }
    },
  });

  if (office.isPending) return <Loader />;
  if (office.isError) return <Alert color="red">{errorMessage(office.error, t)}</Alert>;

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="office-form">
        <Stack gap="md">
          {canEdit ? null : (
            <Alert color="gray" variant="light">
              {t('office.read_only')}
            </Alert>
          )}
          <OfficeProfileFields form={form} readOnly={!canEdit} />
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="office-save">
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
