// The frame of the screens before sign-in: the app's name, a language switch, and one centred card.
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function AuthLayout({
  title,
  subtitle,
  width = 440,
  children,
}: {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="space-between" maw={width} mx="auto" mb="lg" className="no-print">
        <Title order={3} c="teal.8">
          {t('common.app_name')}
        </Title>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
          <Stack gap="md">
            <div>
              <Title order={2} size="h3">
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              ) : null}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
