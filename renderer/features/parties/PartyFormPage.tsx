// New or edit debtor/guarantor as a page (the case form also opens PartyForm in a dialog).
import { Alert, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { PartyDetail } from '../../../electron/contract/procedures/parties';
import { errorMessage } from '../../components/errorMessage';
import { useParty } from '../cases/api';
import { PartyForm } from './PartyForm';

function Frame({ existing }: { existing?: PartyDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{existing ? t('parties.edit') : t('parties.new')}</Title>
      <PartyForm
        {...(existing ? { existing } : {})}
        onCancel={() => void navigate(existing ? `/debtors/${existing.id}` : '/debtors')}
        onSaved={(p) => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          void navigate(`/debtors/${p.id}`);
        }}
      />
    </Stack>
  );
}

function EditParty({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation();
  const party = useParty(id);
  if (party.isPending) return <Loader />;
  if (party.isError) return <Alert color="red">{errorMessage(party.error, t)}</Alert>;
  // An erased person's page is read-only: nothing is written about them again.
  if (party.data.erasedAt) return <Navigate to={`/debtors/${party.data.id}`} replace />;
  return <Frame key={party.data.id} existing={party.data} />;
}

export function PartyFormPage(): React.JSX.Element {
  const { id } = useParams();
  return id ? <EditParty id={Number(id)} /> : <Frame />;
}
