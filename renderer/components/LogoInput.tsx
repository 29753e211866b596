// The letterhead logo: pick a PNG or JPEG, keep it as a data URL (the contract's logo format), preview and remove.
import { Button, FileButton, Group, Image, Input, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// The contract caps the data URL at 700,000 characters, about 512 KB of image.
const MAX_BYTES = 512 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function LogoInput({
  value,
  onChange,
  error,
  readOnly = false,
}: {
  value: string;
  onChange: (dataUrl: string) => void;
  error?: string | undefined;
  readOnly?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | null>(null);

  const pick = async (file: File | null): Promise<void> => {
    setLocalError(null);
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setLocalError(t('validation.logo_format'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setLocalError(t('validation.logo_too_large'));
      return;
    }
    onChange(await readAsDataUrl(file));
  };

  return (
    <Input.Wrapper label={t('office.logo')} error={localError ?? error}>
      <Group gap="md" mt={4}>
        {value ? (
          <Image src={value} alt={t('office.logo')} h={56} w="auto" fit="contain" data-testid="logo-preview" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('office.no_logo')}
          </Text>
        )}
        {readOnly ? null : (
          <>
            <FileButton onChange={(f) => void pick(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="light" size="xs" {...props} data-testid="logo-pick">
                  {t('office.choose_logo')}
                </Button>
              )}
            </FileButton>
            {value ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange('')}>
                {t('common.remove')}
              </Button>
            ) : null}
          </>
        )}
      </Group>
    </Input.Wrapper>
  );
}
