// The office profile fields (names, licence, CR, VAT, contacts, logo), shared by the set-up wizard and Settings.
import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OfficeProfile, OfficeProfileInput } from '../../electron/contract/schemas';
import { fieldMessage } from './errorMessage';
import { LogoInput } from './LogoInput';

export const OFFICE_FIELDS = [
  'nameAr',
  'nameEn',
  'licenceNumber',
  'crNumber',
  'vatNumber',
  'address',
  'phone',
  'email',
  'logo',
] as const;

export const EMPTY_OFFICE: OfficeProfile = {
  nameAr: '',
  nameEn: '',
  licenceNumber: '',
  crNumber: '',
  vatNumber: '',
  address: '',
  phone: '',
  email: '',
  logo: '',
};

export function OfficeProfileFields({
  form,
  readOnly = false,
}: {
  form: UseFormReturn<OfficeProfileInput, unknown, OfficeProfile>;
  readOnly?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const field = (name: (typeof OFFICE_FIELDS)[number]) => ({
    readOnly,
    'data-testid': `office-${name}`,
    error: fieldMessage(errors[name]?.message, t),
    ...form.register(name),
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('office.name_ar')} withAsterisk={!readOnly} {...field('nameAr')} />
        <TextInput label={t('office.name_en')} dir="ltr" {...field('nameEn')} />
        <TextInput label={t('office.licence')} {...field('licenceNumber')} />
        <TextInput label={t('office.cr')} description={t('office.cr_hint')} inputMode="numeric" {...field('crNumber')} />
        <TextInput label={t('office.vat')} description={t('office.vat_hint')} inputMode="numeric" {...field('vatNumber')} />
        <TextInput label={t('office.phone')} dir="ltr" inputMode="tel" {...field('phone')} />
        <TextInput label={t('office.email')} dir="ltr" inputMode="email" {...field('email')} />
      </SimpleGrid>
      <Textarea label={t('office.address')} autosize minRows={2} {...field('address')} />
      <Controller
        control={form.control}
        name="logo"
        render={({ field: logo, fieldState }) => (
          <LogoInput
            value={logo.value ?? ''}
            onChange={(v) => logo.onChange(v)}
            error={fieldMessage(fieldState.error?.message, t)}
            readOnly={readOnly}
          />
        )}
      />
    </Stack>
  );
}
