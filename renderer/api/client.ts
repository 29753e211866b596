// The typed client: call('users.list', {}) returns the contract's result type or throws an ApiCallError.
import type { ErrorCode, FieldIssue, InputOf, OutputOf, ProcedureName } from '../../electron/contract';
import { getSessionToken, sessionEnded, sessionLocked } from './auth-store';
import { send } from './transport';

/** A procedure answered `ok: false`; `code` is translated with `errors.<code>`. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.details = details;
  }
}

// Calls where a failed password or a missing session is the answer itself, not a reason to leave the screen.
const NO_GLOBAL_HANDLING: ReadonlySet<string> = new Set(['auth.login', 'auth.unlock', 'auth.recover', 'auth.logout']);

/** Call a procedure with the current session. */
export async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await send(name, input, getSessionToken());
  if (result.ok) return result.value as OutputOf<N>;
  const { code, message, details } = result.error;
  if (!NO_GLOBAL_HANDLING.has(name)) {
    // auth.inactive: the account was deactivated while signed in; the core has ended the session.
    if (code === 'auth.required') sessionEnded('expired');
    else if (code === 'auth.inactive') sessionEnded('inactive');
    else if (code === 'auth.locked') sessionLocked();
  }
  throw new ApiCallError(code, message, details);
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError;
}

function isFieldIssue(v: unknown): v is FieldIssue {
  return (
    typeof v === 'object' &&
    v !== null &&
    'path' in v &&
    typeof v.path === 'string' &&
    'message' in v &&
    typeof v.message === 'string'
  );
}

/** The field problems of an `input.invalid` error (empty for any other error). */
export function fieldIssues(e: unknown): FieldIssue[] {
  if (!isApiCallError(e) || e.code !== 'input.invalid' || !Array.isArray(e.details)) return [];
  return e.details.filter(isFieldIssue);
}
