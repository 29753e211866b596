// Create or edit a case with the contract's caseInput; a save answered conflict.stale shows yours beside the current version.
import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { caseInput, type CaseDetail, type CaseInput } from '../../../electron/contract/procedures/cases';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage } from '../../components/errorMessage';
import { diffRecords, StaleDialog, type StaleRow } from '../../components/StaleDialog';
import { areaKeys, useCase } from './api';
import { CaseFormFields } from './CaseFormFields';
import { CASE_FIELDS, caseToInput, EMPTY_CASE } from './caseValues';

function isCaseDetail(v: unknown): v is CaseDetail {
  return typeof v === 'object' && v !== null && 'version' in v && 'reference' in v && 'debtors' in v;
}

function CaseForm({ existing }: { existing: CaseDetail | null }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [base, setBase] = useState(existing);
  const [stale, setStale] = useState<{ rows: StaleRow[]; current: CaseDetail | null } | null>(null);
  const form = useForm<CaseInput, unknown, z.output<typeof caseInput>>({
    resolver: zodResolver(caseInput),
    defaultValues: existing ? caseToInput(existing) : EMPTY_CASE,
  });

  const onSubmit = form.handleSubmit(async (input) => {
    setFailure(null);
    try {
      const saved = base
        ? await call('cases.update', { id: base.id, version: base.version, case: input })
        : await call('cases.create', input);
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      await queryClient.invalidateQueries({ queryKey: areaKeys.parties });
      notifications.show({ color: 'teal', message: t('common.saved') });
      void navigate(`/cases/${saved.id}`);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        const current = isCaseDetail(e.details) ? e.details : null;
        const rows = current
          ? diffRecords({ ...form.getValues() }, { ...caseToInput(current) }, (k) => t(`case_fields.${k}`))
          : [];
        setStale({ rows, current });
      } else if (applyFieldIssues(e, form.setError, CASE_FIELDS) === 0) {
        setFailure(errorMessage(e, t));
      }
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="case-form">
      <Stack gap="md" maw={1100}>
        <Title order={2}>{base ? t('cases.edit_title', { reference: base.reference }) : t('cases.new')}</Title>
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <CaseFormFields form={form} known={existing ? [...existing.debtors, ...existing.guarantors] : []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(base ? `/cases/${base.id}` : '/cases')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="case-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <StaleDialog
        opened={stale !== null}
        rows={stale?.rows ?? []}
        onClose={() => setStale(null)}
        onReload={() => {
          const current = stale?.current ?? null;
          setStale(null);
          if (current) {
            setBase(current);
            form.reset(caseToInput(current));
          }
          void queryClient.invalidateQueries({ queryKey: areaKeys.cases });
        }}
      />
    </form>
  );
}

export function CaseFormPage(): React.JSX.Element {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  if (!params.id) return <CaseForm existing={null} />;
  return <EditCase id={id} t={t} />;
}

function EditCase({ id, t }: { id: number; t: ReturnType<typeof useTranslation>['t'] }): React.JSX.Element {
  const detail = useCase(id);
  if (detail.isPending) return <Loader />;
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error, t)}</Alert>;
  return <CaseForm key={detail.data.id} existing={detail.data} />;
}
