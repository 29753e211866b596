// Query keys and hooks for letter templates; a save or reset writes the template's own entry and refreshes the list.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import type { TemplateKind, TemplateProblemRow } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { call, isApiCallError } from '../../api/client';

export const templateKeys = {
  all: ['templates'] as const,
  list: ['templates', 'list'] as const,
  get: (kind: TemplateKind, lang: Lang) => ['templates', 'get', kind, lang] as const,
  preview: (kind: TemplateKind, lang: Lang, body: string, caseId: number | null) =>
    ['templates', 'preview', kind, lang, body, caseId] as const,
};

export function useTemplateList(): UseQueryResult<OutputOf<'templates.list'>> {
  return useQuery({ queryKey: templateKeys.list, queryFn: () => call('templates.list', {}) });
}

export function useTemplate(kind: TemplateKind, lang: Lang): UseQueryResult<OutputOf<'templates.get'>> {
  return useQuery({ queryKey: templateKeys.get(kind, lang), queryFn: () => call('templates.get', { kind, lang }) });
}

/** The PDF of the unsaved text; the previous preview stays on screen while the next one renders. */
export function useTemplatePreview(
  kind: TemplateKind,
  lang: Lang,
  body: string,
  caseId: number | null,
  enabled: boolean,
): UseQueryResult<OutputOf<'templates.preview'>> {
  return useQuery({
    queryKey: templateKeys.preview(kind, lang, body, caseId),
    queryFn: () => call('templates.preview', { kind, lang, body, caseId }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });
}

function isProblem(v: unknown): v is TemplateProblemRow {
  return (
    typeof v === 'object' &&
    v !== null &&
    'code' in v &&
    typeof v.code === 'string' &&
    'line' in v &&
    typeof v.line === 'number' &&
    'column' in v &&
    typeof v.column === 'number'
  );
}

/** The problems of a `templates.invalid` answer (null for any other error). */
export function serverProblems(e: unknown): TemplateProblemRow[] | null {
  if (!isApiCallError(e) || e.code !== 'templates.invalid') return null;
  const list: unknown = Array.isArray(e.details)
    ? e.details
    : typeof e.details === 'object' && e.details !== null && 'problems' in e.details
      ? e.details.problems
      : [];
  return Array.isArray(list)
    ? list.filter(isProblem).map((p) => ({ code: p.code, line: p.line, column: p.column, detail: typeof p.detail === 'string' ? p.detail : '' }))
    : [];
}

/** A name or other text of either direction kept whole inside a sentence of the other (FSI … PDI). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
