// Change a document's type, date and notes with its version; a save answered conflict.stale shows yours beside the current one.
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DOCUMENT_TYPES, documentMetaSchema, type DocumentRow } from '../../../electron/contract/procedures/documents';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { DateField } from '../../components/DateField';
import { fieldMessage } from '../../components/errorMessage';
import { diffRecords, StaleDialog, type StaleRow } from '../../components/StaleDialog';
import { useFormat } from '../../i18n/useFormat';
import { documentKeys } from './api';
import { documentErrorMessage } from './documentText';

type MetaInput = z.input<typeof documentMetaSchema>;
type MetaOutput = z.output<typeof documentMetaSchema>;
const META_FIELDS = ['type', 'documentDate', 'notes'] as const;

function toValues(row: DocumentRow): MetaInput {
  return { type: row.type, documentDate: row.documentDate ?? '', notes: row.notes };
}

function isDocumentRow(v: unknown): v is DocumentRow {
  return typeof v === 'object' && v !== null && 'version' in v && 'fileName' in v && 'type' in v;
}

export function EditDocumentModal({ row, onClose }: { row: DocumentRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(row);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState<{ rows: StaleRow[]; current: DocumentRow | null } | null>(null);
  const form = useForm<MetaInput, unknown, MetaOutput>({ resolver: zodResolver(documentMetaSchema), defaultValues: toValues(row) });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('documents.update', { id: base.id, version: base.version, ...values });
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    } catch (e) {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        const current = isDocumentRow(e.details) ? e.details : null;
        const label = (k: string): string => t(`documents.field_${k}`);
        const show = (v: MetaInput): Record<string, unknown> => ({
          type: v.type ? t(`documents.types.${v.type}`) : '',
          documentDate: v.documentDate ? fmt.dual(v.documentDate) : '',
          notes: v.notes ?? '',
        });
        setStale({ rows: current ? diffRecords(show(form.getValues()), show(toValues(current)), label) : [], current });
      } else if (applyFieldIssues(e, form.setError, META_FIELDS) === 0) {
        setFailure(documentErrorMessage(e, t, fmt));
      }
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('documents.edit_title', { name: row.fileName })} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="document-edit-form">
        <Stack gap="sm">
          {failure ? <Alert color="red">{failure}</Alert> : null}
          <Controller
            control={form.control}
            name="type"
            render={({ field, fieldState }) => (
              <Select
                label={t('documents.type')}
                data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documents.types.${d}`) }))}
                value={field.value}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                onChange={(v) => field.onChange(DOCUMENT_TYPES.find((d) => d === v) ?? field.value)}
                error={fieldMessage(fieldState.error?.message, t)}
                data-testid="document-edit-type"
              />
            )}
          />
          <Controller
            control={form.control}
            name="documentDate"
            render={({ field, fieldState }) => (
              <DateField
                label={t('documents.date')}
                value={field.value}
                onChange={field.onChange}
                error={fieldMessage(fieldState.error?.message, t)}
                testId="document-edit-date"
              />
            )}
          />
          <Textarea
            label={t('documents.notes')}
            autosize
            minRows={2}
            {...form.register('notes')}
            error={fieldMessage(form.formState.errors.notes?.message, t)}
            data-testid="document-edit-notes"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting} data-testid="document-edit-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <StaleDialog
        opened={stale !== null}
        rows={stale?.rows ?? []}
        onClose={() => setStale(null)}
        onReload={() => {
          const current = stale?.current ?? null;
          setStale(null);
          if (current) {
            setBase(current);
            form.reset(toValues(current));
          }
          void queryClient.invalidateQueries({ queryKey: documentKeys.all });
        }}
      />
    </Modal>
  );
}
