// Small pieces the letter screens share: the dispatch-state badge, missing-field lists, and an error with its field list.
import { Alert, Badge, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DispatchState, LetterRow } from '../../../electron/contract/procedures/letters';
import { isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';

const STATE_COLOR: Record<DispatchState, string> = {
  generated: 'gray',
  printed: 'blue',
  sent: 'cyan',
  delivered: 'green',
  returned: 'orange',
};

export function LetterStateBadge({ letter }: { letter: Pick<LetterRow, 'dispatchState' | 'voidedAt'> }): React.JSX.Element {
  const { t } = useTranslation();
  if (letter.voidedAt) {
    return (
      <Badge color="red" variant="filled" size="sm" data-state="voided">
        {t('letters.states.voided')}
      </Badge>
    );
  }
  return (
    <Badge color={STATE_COLOR[letter.dispatchState] ?? 'gray'} variant="light" size="sm" data-state={letter.dispatchState}>
      {t(`letters.states.${letter.dispatchState}`)}
    </Badge>
  );
}

/** A placeholder path (`debtor.address.city`) as the label the template editor shows for it. */
export function fieldLabel(path: string, t: TFunction): string {
  const key = `templates.fields.${path.replace(/\./g, '_')}`;
  return t(key, { defaultValue: path });
}

export function MissingFields({ fields, testId }: { fields: readonly string[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {fields.map((f) => (
        <List.Item key={f} data-field={f}>
          {fieldLabel(f, t)}
        </List.Item>
      ))}
    </List>
  );
}

function missingFieldsOf(e: unknown): string[] {
  if (!isApiCallError(e) || e.code !== 'letters.missing_fields') return [];
  const d = e.details;
  if (typeof d !== 'object' || d === null || !('fields' in d) || !Array.isArray(d.fields)) return [];
  return d.fields.filter((f): f is string => typeof f === 'string');
}

/** A refused letter call: the sentence, and for missing fields the list of what the case lacks. */
export function LetterError({ error, testId }: { error: unknown; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const fields = missingFieldsOf(error);
  return (
    <Alert color="red" data-testid={testId}>
      <Text size="sm">{errorMessage(error, t)}</Text>
      {fields.length > 0 ? <MissingFields fields={fields} testId={`${testId}-fields`} /> : null}
    </Alert>
  );
}
