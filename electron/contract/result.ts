// The shape every procedure result crosses a transport in, and the error codes the renderer translates.

export const ERROR_CODES = [
  'auth.required', // no session, or the session ended
  'auth.invalid_credentials', // wrong username or password: never says which
  'auth.throttled', // too many wrong passwords: wait
  'auth.locked', // the session is locked (idle): unlock with the password
  'auth.inactive', // the account was deactivated
  'auth.invalid_recovery_code',
  'auth.weak_password',
  'auth.wrong_current_password',
  'permission.denied',
  'input.invalid',
  'procedure.unknown',
  'setup.already_done',
  'setup.required',
  'vault.keyring_missing', // a database exists but its keyring does not
  'vault.keyring_corrupt',
  'vault.database_missing', // a keyring exists but its database does not
  'vault.database_corrupt',
  'vault.wrong_key',
  'vault.data_dir_unwritable',
  'vault.in_use', // another instance holds the data folder
  'users.username_taken',
  'users.last_partner', // the last active partner cannot be demoted or deactivated
  'users.not_found',
  'users.inactive', // the user being managed is deactivated (not the caller)
  'users.cannot_change_self',
  'conflict.stale', // someone else saved first: details hold the current version
  'clients.has_cases', // a client with cases cannot be deleted: archive it
  'parties.duplicate', // a debtor with this ID exists: details.id opens it
  'cases.closed', // a closed case cannot be edited
  'cases.guarded', // the stage move is refused by the ladder's guards: details list them
  'cases.override_reason', // overriding a guard needs a reason
  'documents.empty', // a file with no content
  'documents.too_large', // over the office's size limit: details.maxMb
  'documents.executable', // a program, whatever its name says
  'documents.unsupported', // not one of the accepted kinds
  'documents.corrupt', // claims to be a PDF but is cut short or damaged
  'documents.removed', // the document was removed
  'templates.invalid', // the template text has problems: details lists them with line and column
  'letters.missing_fields', // the case lacks what the letter must print: details lists the fields
  'letters.voided', // a voided letter cannot be dispatched
  'letters.dispatch_order', // e.g. delivered and returned, or a date before the letter
  'letters.no_cases', // a batch with nothing to print
  'letters.kind_not_for_case', // receipts and remittance statements come from payments (money)
  'jobs.busy', // a batch is already running for this user
  'storage.full', // the disk is full: nothing was written
  'activity.follow_up_past', // a follow-up date before today
  'activity.closed_case', // a closed case takes only the outcomes that make sense (e.g. a returned letter)
  'activity.correction_of_correction', // correct the latest version of an entry
  'activity.letter_entry', // an entry a letter wrote is changed through the letter (dispatch, void), not corrected
  'rules.breach', // a client rule pack forbids this contact: details name the rule and its figures
  'rules.override_reason', // going past a rule pack needs a partner and a reason
  'promises.amount', // zero, or more than the balance
  'promises.date', // a promise due before it was made
  'cases.flag_open', // the case already has an open dispute/hold of this kind
  'tasks.inactive_assignee', // a task for a deactivated user
  'payments.overpayment', // more than the balance: details say the balance and what would be held as credit
  'payments.manual_allocation', // a manual split that does not add up or exceeds a component: details list the problems
  'payments.currency', // the payment's currency is not the case's
  'payments.already_reversed', // a payment is reversed once
  'payments.not_reversible', // a reversal is not itself reversed
  'remittances.no_cases', // the client has no cases: there is nothing to remit
  'remittances.currency', // the client has no cases in this currency: details.currencies lists those it has
  'remittances.period_overlap', // the period starts on or before the end of the client's last remittance: details.lastPeriodTo, details.nextFrom
  'remittances.nothing', // no unremitted payments or stage fees up to the period's end
  'remittances.net_not_positive', // the fee is as much as or more than what was collected: the client owes the office (details.netMinor)
  'remittances.exceeds_held', // more than the office holds for the client (e.g. a later reversal): details.netMinor, details.heldMinor
  'remittances.already_paid', // a paid remittance is final: it is neither paid again nor voided
  'remittances.voided', // the remittance was voided
  'plans.active_exists', // the case already has an active instalment plan: renegotiate or cancel it
  'plans.over_balance', // the plan's total is more than the case's balance: details.balanceMinor
  'plans.currency', // the plan's currency is not the case's
  'plans.not_current', // only the case's active (or, to renegotiate, defaulted) plan can be changed
  'payments.case_closed', // the case is closed (settled, paid, uncollectable, withdrawn): reopen it to post, reverse or agree a settlement
  'settlements.amount', // a settlement is for less than the balance: details.balanceMinor
  'settlements.open_exists', // the case already has a settlement that stands (open or paid): details.id, details.state
  'settlements.not_open', // only an open settlement is broken: details.state
  'settlements.currency', // the settlement's currency is not the case's
  'hearings.non_working_day', // a hearing on a weekend or holiday needs a reason: details say which day
  'hearings.result_recorded', // the hearing already has its result (and maybe its next hearing)
  'hearings.next_before', // the next hearing must come after this one
  'tasks.exists', // an open task for this next action exists already: details.id opens it
  'backups.no_folder', // no backup folder has been chosen in the settings
  'backups.folder_unwritable', // the backup folder cannot be created or written: details.folder
  'backups.not_found', // no backup of that name in the folder
  'backups.corrupt', // the backup's files fail their checksum or integrity check, or its manifest is missing
  'backups.newer_version', // the backup was made by a newer version of the app: details.appVersion
  'backups.wrong_password', // neither the password nor the recovery code opens the backup's keyring
  'privacy.open_case', // the person still has a case that is not closed: it cannot be erased
  'privacy.not_due', // the retention period after their last case closed has not passed: details.erasableFrom
  'privacy.already_erased', // this person's data was erased before
  'imports.empty', // the placement file is empty
  'imports.header_only', // a header row and no data rows
  'imports.not_table', // not CSV or XLSX by its bytes (e.g. a renamed PDF): details.kind
  'imports.mixed_encoding', // parts of the text in different encodings: choose one by hand
  'imports.too_many_rows', // over the row limit: details.max (split the file)
  'imports.too_large', // over the size limit: details.maxMb
  'imports.expired', // the file read earlier is no longer held (an hour passed or the app restarted): choose it again
  'imports.mapping_incomplete', // a required field (debtor name, amount) has no column: details.fields
  'imports.mapping_unknown_column', // the mapping names a header the file does not have: details.columns
  'imports.has_problems', // rows fail and skipping them was not asked for: details.problemRows
  'imports.nothing_to_import', // every row fails or matches an existing case
  'imports.undo_blocked', // later work touches the import's cases: details.cases (references), details.count
  'imports.already_undone',
  'not_found',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** English fallback for logs; the renderer shows its own translation of `code`. */
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Field-level problems from zod, in a form the UI can put next to the field. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}
