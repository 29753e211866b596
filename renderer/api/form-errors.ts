// Puts the server's `input.invalid` field issues next to the react-hook-form fields they belong to.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { fieldIssues } from './client';

/**
 * Map each issue's path (minus `prefix`, e.g. 'partner.') onto a form field; returns how many were placed.
 * Issues for fields the form does not have are left to the caller's general error message.
 */
export function applyFieldIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  prefix = '',
): number {
  let placed = 0;
  for (const issue of fieldIssues(error)) {
    if (!issue.path.startsWith(prefix)) continue;
    const path = issue.path.slice(prefix.length);
    const field = fields.find((f) => f === path);
    if (field === undefined) continue;
    setError(field, { type: 'server', message: issue.message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  return placed;
}
