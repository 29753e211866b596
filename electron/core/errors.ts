// The error type services throw; the router turns it into `{ ok: false, error }` with the same code.
import type { ErrorCode } from '../contract/result';

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CoreError';
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
