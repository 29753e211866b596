// Set-up step 1: the office profile, validated with the contract's officeProfileSchema.
import { Button, Group, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  officeProfileSchema,
  type OfficeProfile,
  type OfficeProfileInput,
} from '../../../electron/contract/schemas';
import { applyFieldIssues } from '../../api/form-errors';
import { OFFICE_FIELDS, OfficeProfileFields } from '../../components/OfficeProfileFields';

export function OfficeStep({
  initial,
  serverError,
  onNext,
}: {
  initial: OfficeProfile;
  serverError: unknown;
  onNext: (values: OfficeProfile) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm<OfficeProfileInput, unknown, OfficeProfile>({
    resolver: zodResolver(officeProfileSchema),
    defaultValues: initial,
  });

  // The core rejected an office field after step 2: show it here, next to the field.
  useEffect(() => {
    if (serverError) applyFieldIssues(serverError, form.setError, OFFICE_FIELDS, 'office.');
  }, [serverError, form.setError]);

  return (
    <form onSubmit={(e) => void form.handleSubmit(onNext)(e)} noValidate data-testid="setup-office">
      <Stack gap="md" mt="md">
        <OfficeProfileFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" data-testid="setup-office-next">
            {t('common.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
