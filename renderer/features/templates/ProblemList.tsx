// The problems of a template's text, each a translated sentence with its line and column; a click puts the cursor there.
import { Alert, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TemplateProblemRow } from '../../../electron/contract/procedures/letters';
import { TEMPLATE_MAX_LENGTH } from '../../../electron/domain/template/validate';
import { useFormat } from '../../i18n/useFormat';

export function ProblemList({ problems, onJump }: { problems: readonly TemplateProblemRow[]; onJump: (p: TemplateProblemRow) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (problems.length === 0) {
    return (
      <Text size="sm" c="teal" data-testid="template-no-problems">
        <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom', marginInlineEnd: 4 }} />
        {t('templates.no_problems')}
      </Text>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('templates.problems_title')} data-testid="template-problems">
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('templates.problems_hint')}
        </Text>
        {problems.map((p, i) => (
          <UnstyledButton
            key={`${p.line}:${p.column}:${p.code}:${i}`}
            onClick={() => onJump(p)}
            data-testid="template-problem"
            data-line={p.line}
            data-column={p.column}
            data-code={p.code}
            style={{ textAlign: 'start' }}
          >
            <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
              {t(`templates.problems.${p.code}`, {
                line: fmt.number(p.line),
                column: fmt.number(p.column),
                detail: p.code === 'too_long' ? fmt.number(Number(p.detail)) : p.detail,
                max: fmt.number(TEMPLATE_MAX_LENGTH),
              })}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Alert>
  );
}
