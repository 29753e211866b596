// "Verify a letter": the short code printed on a letter → the register's record of it and its stored PDF, or "no such letter".
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileText, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { useFormat } from '../../i18n/useFormat';
import { LetterStateBadge } from './LetterBits';
import { LetterPdfModal } from './LetterPdfModal';

/** What a code looks like: the same in every language. */
const CODE_SHAPE = 'K7Q2-M9XD-4TFA';

export function VerifyBox(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [code, setCode] = useState('');
  const [pdfOpen, setPdfOpen] = useState(false);
  const verify = useMutation({ mutationFn: (c: string) => call('letters.verify', { code: c }) });
  const letter = verify.data?.letter ?? null;
  const submit = (): void => {
    if (code.trim().length >= 4) verify.mutate(code.trim());
  };

  return (
    <Card withBorder padding="md" data-testid="verify-box">
      <Stack gap="sm">
        <Group gap="xs">
          <IconShieldCheck size={20} color="var(--mantine-color-teal-7)" />
          <Title order={4}>{t('letters.verify_title')}</Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('letters.verify_explain')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Group gap="sm" align="flex-end">
            <TextInput
              flex={1}
              dir="ltr"
              label={t('letters.verify_code')}
              placeholder={CODE_SHAPE}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              autoComplete="off"
              data-testid="verify-code"
            />
            <Button type="submit" loading={verify.isPending} disabled={code.trim().length < 4} data-testid="verify-submit">
              {t('letters.verify')}
            </Button>
          </Group>
        </form>
        {verify.isError ? <Alert color="red">{errorMessage(verify.error, t)}</Alert> : null}
        {verify.data && !verify.data.found ? (
          <Alert color="orange" data-testid="verify-not-found">
            {t('letters.verify_not_found')}
          </Alert>
        ) : null}
        {letter ? (
          <Alert color={letter.voidedAt ? 'red' : 'teal'} data-testid="verify-found">
            <Stack gap="xs">
              <Text fw={600}>{letter.voidedAt ? t('letters.verify_found_voided') : t('letters.verify_found')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Text size="sm">
                  {t('letters.number')}:{' '}
                  <b className="nowrap-ltr" data-testid="verify-number">
                    {letter.number}
                  </b>
                </Text>
                <Text size="sm">
                  {t('letters.case')}:{' '}
                  <Anchor component={Link} to={`/cases/${letter.caseId}`} className="nowrap-ltr">
                    {letter.caseReference}
                  </Anchor>
                </Text>
                <Text size="sm">
                  {t('letters.debtor')}: <PartyName name={letter.debtorName} />
                </Text>
                <Text size="sm">
                  {t('letters.kind')}: {t(`templates.kinds.${letter.kind}`)}
                </Text>
                <Text size="sm">
                  {t('letters.date')}: {fmt.dual(letter.letterDate)}
                </Text>
                <Group gap="xs">
                  <Text size="sm">{t('letters.state')}:</Text>
                  <LetterStateBadge letter={letter} />
                </Group>
              </SimpleGrid>
              <Group>
                <Button variant="default" size="xs" leftSection={<IconFileText size={14} />} onClick={() => setPdfOpen(true)} data-testid="verify-open-pdf">
                  {t('letters.verify_open_pdf')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
      {pdfOpen && letter ? <LetterPdfModal letterId={letter.id} title={letter.number} onClose={() => setPdfOpen(false)} /> : null}
    </Card>
  );
}
