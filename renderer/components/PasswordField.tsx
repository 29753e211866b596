// Mantine's PasswordInput with what it lacks: aria-invalid when in error, and a translated show/hide button label.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordField(
  props: PasswordInputProps & { ref?: Ref<HTMLInputElement>; 'data-testid'?: string },
): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggle_visibility') }}
    />
  );
}
