// New or edit client as a page.
import { Alert, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ClientDetail } from '../../../electron/contract/procedures/parties';
import { errorMessage } from '../../components/errorMessage';
import { useClient } from '../cases/api';
import { ClientForm } from './ClientForm';

function Frame({ existing }: { existing?: ClientDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{existing ? t('clients.edit') : t('clients.new')}</Title>
      <ClientForm
        {...(existing ? { existing } : {})}
        onCancel={() => void navigate(existing ? `/clients/${existing.id}` : '/clients')}
        onSaved={(c) => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          void navigate(`/clients/${c.id}`);
        }}
      />
    </Stack>
  );
}

function EditClient({ id }: { id: number }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient(id);
  if (client.isPending) return <Loader />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error, t)}</Alert>;
  return <Frame key={client.data.id} existing={client.data} />;
}

export function ClientFormPage(): React.JSX.Element {
  const { id } = useParams();
  return id ? <EditClient id={Number(id)} /> : <Frame />;
}
